import { describe, expect, it } from "vitest";
import { anonymous } from "../actor";
import { authenticate } from "../authenticate";
import { codeOf, createTestDomain, expectOk, TEST_START } from "../testing";

describe("auth:register", () => {
  it("creates the account, opens a session and binds the connection to it", async () => {
    const t = createTestDomain({ sessionTtlMs: 60_000 });
    const outcome = await t.run(anonymous, "auth:register", { name: "Alice", password: "correct horse" });
    const grant = expectOk(outcome);
    expect(grant.user).toMatchObject({ name: "Alice" });
    expect(grant.expiresAt).toBe(new Date(TEST_START.getTime() + 60_000).toISOString());
    expect(outcome.effects).toMatchObject([{ type: "bind-session", actor: { kind: "user", userId: grant.user.id } }]);
    expect(await authenticate(t.deps, grant.token)).toMatchObject({ userId: grant.user.id });
  });

  it("makes the first account a server admin and the next ones not", async () => {
    const t = createTestDomain();
    const first = await t.runOk(anonymous, "auth:register", { name: "alice", password: "password1" });
    const second = await t.runOk(anonymous, "auth:register", { name: "bob", password: "password1" });
    expect(first.user.isAdmin).toBe(true);
    expect(second.user.isAdmin).toBe(false);
  });

  it("makes names on the admin list admins, whatever their case", async () => {
    const t = createTestDomain({ adminNames: ["Root"] });
    await t.registerUser("alice");
    const root = await t.runOk(anonymous, "auth:register", { name: "ROOT", password: "password1" });
    const bob = await t.runOk(anonymous, "auth:register", { name: "bob", password: "password1" });
    expect(root.user.isAdmin).toBe(true);
    expect(bob.user.isAdmin).toBe(false);
  });

  it("refuses a name already taken, ignoring case, and stores nothing", async () => {
    const t = createTestDomain();
    await t.registerUser("Alice");
    const before = t.store.snapshot();
    const outcome = await t.run(anonymous, "auth:register", { name: "aLICE", password: "password1" });
    expect(codeOf(outcome)).toBe("NICK_IN_USE");
    expect(outcome.effects).toEqual([]);
    expect(t.store.snapshot()).toEqual(before);
  });

  it("refuses an invalid nick or a short password", async () => {
    const t = createTestDomain();
    expect(codeOf(await t.run(anonymous, "auth:register", { name: "1alice", password: "password1" }))).toBe(
      "INVALID_PAYLOAD",
    );
    expect(codeOf(await t.run(anonymous, "auth:register", { name: "alice", password: "short" }))).toBe(
      "INVALID_PAYLOAD",
    );
  });

  it("refuses a connection that is already logged in", async () => {
    const t = createTestDomain();
    const alice = await t.registerUser("alice");
    expect(codeOf(await t.run(alice, "auth:register", { name: "bob", password: "password1" }))).toBe(
      "ALREADY_AUTHENTICATED",
    );
  });
});
