import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config";
import { TestServer } from "./harness";

describe("EDIT_WINDOW_SECONDS", () => {
  let server: TestServer | undefined;
  afterEach(() => server?.dispose());

  it("is unset by default: lines stay editable", () => {
    expect(loadConfig({}).editWindowMs).toBeNull();
    expect(loadConfig({ EDIT_WINDOW_SECONDS: "90" }).editWindowMs).toBe(90_000);
    expect(() => loadConfig({ EDIT_WINDOW_SECONDS: "0" })).toThrow(/EDIT_WINDOW_SECONDS/);
  });

  it("refuses editing a line once it is older than the window, NOT_EDITABLE, leaving it as it was", async () => {
    server = await new TestServer({ EDIT_WINDOW_SECONDS: "1" }).start();
    const alice = await server.user("alice");
    await alice.do("channel:join", { channel: "#dev" });
    const { message } = await alice.do("message:send", { target: "#dev", text: "quick" });
    expect((await alice.send("message:edit", { target: "#dev", seq: message.seq, text: "quick fix" })).ok).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const late = await alice.send("message:edit", { target: "#dev", seq: message.seq, text: "too late" });
    expect(late.ok ? "ok" : late.error.code).toBe("NOT_EDITABLE");
    const { messages } = await alice.do("history:read", { target: "#dev" });
    expect(messages.find((m) => m.seq === message.seq)?.text).toBe("quick fix");
  });
});
