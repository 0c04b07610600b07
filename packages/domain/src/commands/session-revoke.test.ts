import { describe, expect, it } from "vitest";
import { anonymous } from "../actor";
import { authenticate } from "../authenticate";
import { codeOf, createTestDomain, passwordOf, type TestDomain } from "../testing";

async function loginAgain(t: TestDomain, name: string) {
  const grant = await t.runOk(anonymous, "auth:login", { name, password: passwordOf(name) });
  return { token: grant.token, actor: await authenticate(t.deps, grant.token) };
}

describe("session:revoke", () => {
  it("ends another of your sessions: its connections close and its token stops working", async () => {
    const t = createTestDomain();
    const laptop = await t.registerUser("alice");
    const phone = await loginAgain(t, "alice");
    const outcome = await t.run(laptop, "session:revoke", { sessionId: phone.actor.sessionId });
    expect(outcome.ack).toEqual({ ok: true, data: {} });
    expect(outcome.effects).toEqual([{ type: "end-session", sessionId: phone.actor.sessionId, reason: "revoked" }]);
    await expect(authenticate(t.deps, phone.token)).rejects.toMatchObject({ code: "NOT_AUTHENTICATED" });
    expect(codeOf(await t.run(phone.actor, "session:state", {}))).toBe("NOT_AUTHENTICATED");
    expect(codeOf(await t.run(laptop, "session:state", {}))).toBe("ok");
  });

  it("ends the asking session too, when that is the one named", async () => {
    const t = createTestDomain();
    const alice = await t.registerUser("alice");
    const outcome = await t.run(alice, "session:revoke", { sessionId: alice.sessionId });
    expect(outcome.effects).toEqual([{ type: "end-session", sessionId: alice.sessionId, reason: "revoked" }]);
    expect(codeOf(await t.run(alice, "session:state", {}))).toBe("NOT_AUTHENTICATED");
  });

  it("answers another user's session exactly like one that does not exist, and leaves it alone", async () => {
    const t = createTestDomain();
    const alice = await t.registerUser("alice");
    const bob = await t.registerUser("bob");
    const foreign = await t.run(alice, "session:revoke", { sessionId: bob.sessionId });
    const missing = await t.run(alice, "session:revoke", { sessionId: "no-such-id" });
    expect(codeOf(foreign)).toBe("NO_SUCH_SESSION");
    expect(foreign.ack).toEqual(missing.ack);
    expect(foreign.effects).toEqual([]);
    expect(codeOf(await t.run(bob, "session:state", {}))).toBe("ok");
  });

  it("refuses a session already ended or expired", async () => {
    const t = createTestDomain({ sessionTtlMs: 60_000 });
    const alice = await t.registerUser("alice");
    t.clock.advance(30_000);
    const second = await loginAgain(t, "alice");
    const third = await loginAgain(t, "alice");
    await t.runOk(second.actor, "auth:logout", {});
    expect(codeOf(await t.run(third.actor, "session:revoke", { sessionId: second.actor.sessionId }))).toBe(
      "NO_SUCH_SESSION",
    );
    t.clock.advance(30_000); // alice's first session has expired
    expect(codeOf(await t.run(third.actor, "session:revoke", { sessionId: alice.sessionId }))).toBe("NO_SUCH_SESSION");
  });

  it("needs a logged-in actor and a session id", async () => {
    const t = createTestDomain();
    const alice = await t.registerUser("alice");
    expect(codeOf(await t.run(anonymous, "session:revoke", { sessionId: alice.sessionId }))).toBe("NOT_AUTHENTICATED");
    expect(codeOf(await t.run(alice, "session:revoke", { sessionId: "" }))).toBe("INVALID_PAYLOAD");
  });
});

describe("session:revoke by the start of an id", () => {
  it("takes a unique start of one of your own session ids, of at least 8 characters", async () => {
    const t = createTestDomain();
    t.deps.ids.newId = (() => {
      const ids = ["user-alice", "3b9f7c1e-aaaa", "user-bob", "3b9f7c1e-bbbb", "8a7b6c5d-cccc", "3b9f7c1e-dddd"];
      return () => ids.shift() ?? "spare";
    })();
    const laptop = await t.registerUser("alice"); // session 3b9f7c1e-aaaa
    const bob = await t.registerUser("bob"); // session 3b9f7c1e-bbbb: not alice's
    const phone = await loginAgain(t, "alice"); // 8a7b6c5d-cccc
    expect(codeOf(await t.run(laptop, "session:revoke", { sessionId: "8a7b6c5" }))).toBe("NO_SUCH_SESSION");
    expect(codeOf(await t.run(laptop, "session:revoke", { sessionId: "8a7b6c5d" }))).toBe("ok");
    expect(codeOf(await t.run(phone.actor, "session:state", {}))).toBe("NOT_AUTHENTICATED");
    // bob's session shares the start with alice's own, but only hers are looked at.
    expect(codeOf(await t.run(laptop, "session:revoke", { sessionId: "3b9f7c1e-b" }))).toBe("NO_SUCH_SESSION");
    expect(codeOf(await t.run(bob, "session:state", {}))).toBe("ok");
    await loginAgain(t, "alice"); // 3b9f7c1e-dddd
    const ambiguous = await t.run(laptop, "session:revoke", { sessionId: "3b9f7c1e" });
    expect(ambiguous.ack).toMatchObject({
      ok: false,
      error: { code: "NO_SUCH_SESSION", message: expect.stringContaining("give more") as unknown },
    });
  });
});
