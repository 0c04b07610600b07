import { describe, expect, it } from "vitest";
import { anonymous } from "../actor";
import { authenticate } from "../authenticate";
import { codeOf, createTestDomain, passwordOf } from "../testing";

describe("session:list", () => {
  it("lists the actor's live sessions, newest first, marking the one asking", async () => {
    const t = createTestDomain();
    const phone = await t.registerUser("alice");
    t.clock.advance(60_000);
    const grant = await t.runOk(anonymous, "auth:login", { name: "alice", password: passwordOf("alice") });
    const laptop = await authenticate(t.deps, grant.token);

    const { sessions } = await t.runOk(phone, "session:list", {});
    expect(sessions.map((s) => [s.id, s.current])).toEqual([
      [laptop.sessionId, false],
      [phone.sessionId, true],
    ]);
    expect(sessions[0]).toMatchObject({ createdAt: "2025-01-01T12:01:00.000Z", expiresAt: grant.expiresAt });
  });

  it("leaves out logged-out and expired sessions and other users' sessions", async () => {
    const t = createTestDomain({ sessionTtlMs: 10 * 60_000 });
    const old = await t.registerUser("alice");
    await t.registerUser("bob");
    t.clock.advance(5 * 60_000);
    const gone = await authenticate(
      t.deps,
      (await t.runOk(anonymous, "auth:login", { name: "alice", password: passwordOf("alice") })).token,
    );
    const kept = await authenticate(
      t.deps,
      (await t.runOk(anonymous, "auth:login", { name: "alice", password: passwordOf("alice") })).token,
    );
    await t.runOk(gone, "auth:logout", {});
    t.clock.advance(5 * 60_000); // the first session expires now
    const { sessions } = await t.runOk(kept, "session:list", {});
    expect(sessions.map((s) => s.id)).toEqual([kept.sessionId]);
    expect(codeOf(await t.run(old, "session:list", {}))).toBe("SESSION_EXPIRED");
  });

  it("needs a logged-in actor", async () => {
    const t = createTestDomain();
    expect(codeOf(await t.run(anonymous, "session:list", {}))).toBe("NOT_AUTHENTICATED");
  });
});
