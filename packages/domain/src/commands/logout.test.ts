import { describe, expect, it } from "vitest";
import { anonymous } from "../actor";
import { authenticate } from "../authenticate";
import { codeOf, createTestDomain, expectOk, passwordOf } from "../testing";

describe("auth:logout", () => {
  it("ends the session: its connections close and its token stops working", async () => {
    const t = createTestDomain();
    const grant = expectOk(await t.run(anonymous, "auth:register", { name: "alice", password: passwordOf("alice") }));
    const alice = await authenticate(t.deps, grant.token);
    const outcome = await t.run(alice, "auth:logout", {});
    expect(outcome.ack).toEqual({ ok: true, data: {} });
    expect(outcome.effects).toEqual([{ type: "end-session", sessionId: alice.sessionId, reason: "logout" }]);
    await expect(authenticate(t.deps, grant.token)).rejects.toMatchObject({ code: "NOT_AUTHENTICATED" });
  });

  it("leaves the session's commands answered with NOT_AUTHENTICATED", async () => {
    const t = createTestDomain();
    const alice = await t.registerUser("alice");
    await t.runOk(alice, "auth:logout", {});
    expect(codeOf(await t.run(alice, "session:state", {}))).toBe("NOT_AUTHENTICATED");
    expect(codeOf(await t.run(alice, "channel:join", { channel: "#dev" }))).toBe("NOT_AUTHENTICATED");
    expect(codeOf(await t.run(alice, "auth:logout", {}))).toBe("NOT_AUTHENTICATED");
  });

  it("leaves the user's other sessions logged in", async () => {
    const t = createTestDomain();
    const phone = await t.registerUser("alice");
    const laptopGrant = await t.runOk(anonymous, "auth:login", { name: "alice", password: passwordOf("alice") });
    await t.runOk(phone, "auth:logout", {});
    const laptop = await authenticate(t.deps, laptopGrant.token);
    expect(codeOf(await t.run(laptop, "session:state", {}))).toBe("ok");
  });

  it("needs a live session", async () => {
    const t = createTestDomain({ sessionTtlMs: 1000 });
    const alice = await t.registerUser("alice");
    expect(codeOf(await t.run(anonymous, "auth:logout", {}))).toBe("NOT_AUTHENTICATED");
    t.clock.advance(1000);
    expect(codeOf(await t.run(alice, "auth:logout", {}))).toBe("SESSION_EXPIRED");
  });
});
