import { describe, expect, it } from "vitest";
import { resetPassword, suspendAccount } from "./accounts";
import { endedSessions, type HeldSession } from "./ended-sessions";
import type { Repositories, Store } from "./ports";
import { createTestDomain } from "./testing";

const held = (actor: HeldSession): HeldSession => ({ sessionId: actor.sessionId, userId: actor.userId });

describe("endedSessions", () => {
  it("names each held session that ended and why, and leaves live ones out", async () => {
    const t = createTestDomain({ sessionTtlMs: 60_000 });
    const dave = await t.registerUser("dave"); // expires first
    t.clock.advance(30_000);
    const [alice, bob, carol, erin] = [
      await t.registerUser("alice"),
      await t.registerUser("bob"),
      await t.registerUser("carol"),
      await t.registerUser("erin"),
    ];
    await t.runOk(bob, "auth:logout", {});
    await suspendAccount(t.deps, { name: "carol", reason: null });
    await resetPassword(t.deps, { name: "erin", password: "a new password" });
    t.clock.advance(30_000);

    const gone = { sessionId: "never-was", userId: "no-such-user" };
    const answer = await endedSessions(t.deps, [alice, bob, carol, dave, erin, gone, alice].map(held));
    expect(answer).toEqual([
      { ...held(bob), cause: "revoked", code: "NOT_AUTHENTICATED" },
      // Suspension revoked carol's session as well: the suspension is the reason given.
      { ...held(carol), cause: "suspended", code: "SUSPENDED" },
      { ...held(dave), cause: "expired", code: "SESSION_EXPIRED" },
      { ...held(erin), cause: "revoked", code: "NOT_AUTHENTICATED" },
      { ...gone, cause: "deleted", code: "NOT_AUTHENTICATED" },
    ]);
  });

  it("an unknown session counts as revoked", async () => {
    const t = createTestDomain();
    const alice = await t.registerUser("alice");
    expect(await endedSessions(t.deps, [{ sessionId: "never-was", userId: alice.userId }])).toEqual([
      { sessionId: "never-was", userId: alice.userId, cause: "revoked", code: "NOT_AUTHENTICATED" },
    ]);
  });

  it("reads in bulk, outside any transaction: the sessions, and accounts only for the sessions that ended", async () => {
    const t = createTestDomain();
    const actors = [await t.registerUser("alice"), await t.registerUser("bob"), await t.registerUser("carol")];
    const calls: string[] = [];
    const counting: Store = {
      transaction: () => Promise.reject(new Error("no transaction expected")),
      readSnapshot: () => Promise.reject(new Error("no snapshot expected")),
      bulkTransaction: () => Promise.reject(new Error("no transaction expected")),
      read: (work) =>
        t.store.read((repos) => {
          calls.push("read");
          const sessions = {
            ...repos.sessions,
            findByIds: noting(calls, "sessions", (ids: readonly string[]) => repos.sessions.findByIds(ids)),
          };
          const users = {
            ...repos.users,
            findByIds: noting(calls, "users", (ids: readonly string[]) => repos.users.findByIds(ids)),
          };
          return work({ ...repos, sessions, users } satisfies Repositories);
        }),
    };
    const deps = { ...t.deps, store: counting };
    expect(await endedSessions(deps, [...actors, ...actors].map(held))).toEqual([]);
    expect(calls).toEqual(["read", "sessions"]);
    expect(await endedSessions(deps, [])).toEqual([]);
    expect(calls).toHaveLength(2); // nothing held, nothing read

    await suspendAccount(t.deps, { name: "bob", reason: null });
    calls.length = 0;
    expect(await endedSessions(deps, [...actors, ...actors].map(held))).toHaveLength(2);
    expect(calls).toEqual(["read", "sessions", "users"]);
  });

  it("lets a failed read reject the call", async () => {
    const t = createTestDomain();
    const alice = await t.registerUser("alice");
    t.store.failNext("sessions.findByIds", new Error("database down"));
    await expect(endedSessions(t.deps, [held(alice)])).rejects.toThrow("database down");
  });
});

function noting<A extends unknown[], R>(calls: string[], name: string, fn: (...args: A) => R): (...args: A) => R {
  return (...args) => {
    calls.push(name);
    return fn(...args);
  };
}
