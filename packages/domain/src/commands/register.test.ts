import { describe, expect, it } from "vitest";
import { anonymous } from "../actor";
import { authenticate } from "../authenticate";
import { setAdmin } from "../accounts";
import { boundActor, codeOf, createTestDomain, expectOk, passwordOf, TEST_START } from "../testing";

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

  it("never makes a server admin: not the first account, not a name that was an admin's", async () => {
    const t = createTestDomain();
    const login = async (name: string) =>
      boundActor(await t.run(anonymous, "auth:login", { name, password: passwordOf(name) }));
    const boss = await t.registerUser("boss"); // the first account
    expect(codeOf(await t.run(boss, "audit:log", {}))).toBe("FORBIDDEN");
    await setAdmin(t.deps, { name: "boss", admin: true });
    expect(codeOf(await t.run(boss, "audit:log", {}))).toBe("ok");
    // The admin renames; whoever registers the freed name gets an account, not its rights.
    await t.runOk(boss, "user:nick", { nick: "bigboss" });
    const claimant = await t.runOk(anonymous, "auth:register", { name: "Boss", password: passwordOf("Boss") });
    expect(claimant.user.isAdmin).toBe(false);
    expect(codeOf(await t.run(await login("Boss"), "audit:log", {}))).toBe("FORBIDDEN");
    // The renamed account keeps what its flag says, and loses it when revoked.
    expect(codeOf(await t.run(boss, "audit:log", {}))).toBe("ok");
    await setAdmin(t.deps, { name: "bigboss", admin: false });
    expect(codeOf(await t.run(boss, "audit:log", {}))).toBe("FORBIDDEN");
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
