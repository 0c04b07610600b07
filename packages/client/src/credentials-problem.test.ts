import { describe, expect, it } from "vitest";
import { credentialsProblem } from "./credentials-problem";

describe("checking a login form before sending it", () => {
  it("asks for what is missing, the nick first", () => {
    expect(credentialsProblem("login", "  ", "")).toEqual({
      field: "name",
      error: { code: "INVALID_NICK", message: "Type your nick." },
    });
    expect(credentialsProblem("login", "alice", "")).toEqual({
      field: "password",
      error: { code: "INVALID_PAYLOAD", message: "Type your password." },
    });
    expect(credentialsProblem("login", " alice ", "hunter2")).toBeNull();
  });

  it("checks a nick against the contract, and a new account's password length", () => {
    expect(credentialsProblem("login", "9lives", "long enough")).toMatchObject({
      field: "name",
      error: { message: /^A nick starts with a letter.*\.$/ },
    });
    expect(credentialsProblem("register", "alice", "short")).toMatchObject({
      field: "password",
      error: { message: "A password has at least 8 characters." },
    });
    // An old account may have a shorter password than today's rule: logging in is not refused.
    expect(credentialsProblem("login", "alice", "short")).toBeNull();
  });
});
