import { describe, expect, it } from "vitest";
import { initialLogin, loginProblem, loginReducer, type LoginAction } from "./login-state";

const run = (...actions: LoginAction[]) => actions.reduce(loginReducer, initialLogin);
const type = (text: string): LoginAction => ({ type: "edit", action: { type: "insert", text } });

describe("the login form", () => {
  it("types into the focused field, and asks for what is missing before sending", () => {
    expect(loginProblem(run())).toEqual({ error: "Type your nick.", field: "name" });
    const named = run(type("alice"), { type: "focus", field: "password" });
    expect(loginProblem(named)).toEqual({ error: "Type your password.", field: "password" });
    expect(loginProblem(run(type("alice"), { type: "focus", field: "password" }, type("hunter2hunter2")))).toBeNull();
  });

  it("checks a new account's nick and password length against the contract", () => {
    expect(loginProblem(run(type("9lives"), { type: "focus", field: "password" }, type("long enough")))?.field).toBe(
      "name",
    );
    const short = run({ type: "toggle-mode" }, type("alice"), { type: "focus", field: "password" }, type("short"));
    expect(loginProblem(short)?.error).toMatch(/at least 8/);
  });

  it("clears the password after a refusal and takes no typing while busy", () => {
    const failed = run(type("alice"), { type: "focus", field: "password" }, type("wrong one"), {
      type: "failed",
      error: "Wrong name or password.",
      field: "password",
    });
    expect(failed.password.value).toBe("");
    expect(failed.error).toBe("Wrong name or password.");
    const busy = run({ type: "busy" }, type("x"));
    expect(busy.name.value).toBe("");
  });
});
