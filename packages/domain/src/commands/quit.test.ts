import { describe, expect, it } from "vitest";
import { anonymous } from "../actor";
import { codeOf, createTestDomain } from "../testing";

describe("session:quit", () => {
  it("closes the issuing connection after the ack", async () => {
    const t = createTestDomain();
    const alice = await t.registerUser("alice");
    const outcome = await t.run(alice, "session:quit", { message: "bye" });
    expect(outcome.ack).toEqual({ ok: true, data: {} });
    expect(outcome.effects).toEqual([{ type: "close-connection", reason: "quit" }]);
  });

  it("keeps the session: quitting is not logging out", async () => {
    const t = createTestDomain();
    const alice = await t.registerUser("alice");
    await t.runOk(alice, "session:quit", {});
    expect(codeOf(await t.run(alice, "session:state", {}))).toBe("ok");
  });

  it("refuses an overlong message and an anonymous actor", async () => {
    const t = createTestDomain();
    const alice = await t.registerUser("alice");
    expect(codeOf(await t.run(alice, "session:quit", { message: "x".repeat(201) }))).toBe("INVALID_PAYLOAD");
    expect(codeOf(await t.run(anonymous, "session:quit", {}))).toBe("NOT_AUTHENTICATED");
  });
});
