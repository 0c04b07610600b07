import { describe, expect, it } from "vitest";
import { anonymous } from "../actor";
import { codeOf, createTestDomain, devChannel, emitted } from "../testing";

describe("session:quit", () => {
  it("closes the issuing connection after the ack", async () => {
    const t = createTestDomain();
    const alice = await t.registerUser("alice");
    const outcome = await t.run(alice, "session:quit", { message: "bye" });
    expect(outcome.ack).toEqual({ ok: true, data: {} });
    expect(outcome.effects).toEqual([{ type: "close-connection", reason: "quit" }]);
  });

  it("leaves a quit line with the message in every channel the user is in, not in direct conversations", async () => {
    const t = createTestDomain();
    const { alice, bob, dev } = await devChannel(t);
    const { channel: ops } = await t.runOk(alice, "channel:join", { channel: "#ops" });
    await t.runOk(alice, "message:send", { target: "bob", text: "hi" });
    const outcome = await t.run(alice, "session:quit", { message: "off to lunch" });
    const lines = emitted(outcome, "message:new");
    expect(lines.map((l) => [l.to, l.payload.kind, l.payload.author?.name, l.payload.meta])).toEqual([
      [{ channel: dev.id }, "quit", "alice", { reason: "off to lunch" }],
      [{ channel: ops.id }, "quit", "alice", { reason: "off to lunch" }],
    ]);
    expect(outcome.effects.at(-1)).toEqual({ type: "close-connection", reason: "quit" });
    const { messages } = await t.runOk(bob, "history:read", { target: "#dev" });
    expect(messages.at(-1)).toMatchObject({ kind: "quit", meta: { reason: "off to lunch" } });
    const plain = await t.run(bob, "session:quit", {});
    expect(emitted(plain, "message:new").map((l) => l.payload.meta)).toEqual([{}]);
  });

  it("keeps the session: quitting is not logging out", async () => {
    const t = createTestDomain();
    const alice = await t.registerUser("alice");
    await t.runOk(alice, "session:quit", {});
    expect(codeOf(await t.run(alice, "session:state", {}))).toBe("ok");
  });

  it("ends the session too when asked to log out, closing its connections", async () => {
    const t = createTestDomain();
    const alice = await t.registerUser("alice");
    const outcome = await t.run(alice, "session:quit", { logout: true });
    expect(outcome.effects.at(-1)).toEqual({ type: "end-session", sessionId: alice.sessionId, reason: "quit" });
    expect(codeOf(await t.run(alice, "session:state", {}))).not.toBe("ok");
  });

  it("refuses an overlong message and an anonymous actor", async () => {
    const t = createTestDomain();
    const alice = await t.registerUser("alice");
    expect(codeOf(await t.run(alice, "session:quit", { message: "x".repeat(201) }))).toBe("INVALID_PAYLOAD");
    expect(codeOf(await t.run(anonymous, "session:quit", {}))).toBe("NOT_AUTHENTICATED");
  });
});
