import { describe, expect, it } from "vitest";
import { anonymous } from "../actor";
import { authenticate } from "../authenticate";
import { codeOf, createTestDomain, passwordOf } from "../testing";
import { countAdmins, createAccount, listAccounts, resetPassword, setAdmin, suspendAccount, unsuspendAccount } from ".";

describe("the operator's account actions", () => {
  it("create an account by register's rules, hashed by the same hasher, logged in as usual", async () => {
    const t = createTestDomain();
    const { result } = await createAccount(t.deps, { name: "alice", password: "correct horse", admin: false });
    expect(result).toMatchObject({ name: "alice", isAdmin: false }); // being first makes no admin
    expect(await countAdmins(t.deps)).toBe(0);
    await createAccount(t.deps, { name: "bob", password: "battery staple", admin: false });
    const stored = await t.store.transaction((tx) => tx.users.findByNameKey("bob"));
    expect(stored?.passwordHash).toBe("h:battery staple");
    expect(codeOf(await t.run(anonymous, "auth:login", { name: "bob", password: "battery staple" }))).toBe("ok");
    await expect(createAccount(t.deps, { name: "BOB", password: "whatever1", admin: false })).rejects.toMatchObject({
      code: "NICK_IN_USE",
    });
    await expect(
      createAccount(t.deps, { name: "no spaces", password: "whatever1", admin: false }),
    ).rejects.toMatchObject({ code: "INVALID_PAYLOAD" });
    await expect(createAccount(t.deps, { name: "carol", password: "short", admin: false })).rejects.toMatchObject({
      code: "INVALID_PAYLOAD",
    });
    expect((await createAccount(t.deps, { name: "dave", password: "whatever1", admin: true })).result.isAdmin).toBe(
      true,
    );
    expect(await countAdmins(t.deps)).toBe(1);
  });

  it("reset a password, ending every session of the account", async () => {
    const t = createTestDomain();
    await t.registerAdmin("root");
    const bob = await t.registerUser("bob");
    const outcome = await resetPassword(t.deps, { name: "bob", password: "a new password" });
    expect(outcome.result).toEqual({ sessionsEnded: 1 });
    expect(outcome.effects).toEqual([{ type: "end-session", sessionId: bob.sessionId, reason: "revoked" }]);
    expect(codeOf(await t.run(bob, "session:state", {}))).toBe("NOT_AUTHENTICATED");
    expect(codeOf(await t.run(anonymous, "auth:login", { name: "bob", password: passwordOf("bob") }))).toBe(
      "INVALID_CREDENTIALS",
    );
    expect(codeOf(await t.run(anonymous, "auth:login", { name: "bob", password: "a new password" }))).toBe("ok");
    await expect(resetPassword(t.deps, { name: "nobody", password: "a new password" })).rejects.toMatchObject({
      code: "NO_SUCH_USER",
    });
  });

  it("grant and revoke server admin, audited", async () => {
    const t = createTestDomain();
    const root = await t.registerAdmin("root");
    const bob = await t.registerUser("bob");
    expect(codeOf(await t.run(bob, "audit:log", {}))).toBe("FORBIDDEN");
    expect((await setAdmin(t.deps, { name: "bob", admin: true })).result).toEqual({ changed: true, name: "bob" });
    expect(codeOf(await t.run(bob, "audit:log", {}))).toBe("ok");
    expect((await setAdmin(t.deps, { name: "bob", admin: true })).result.changed).toBe(false);
    await setAdmin(t.deps, { name: "bob", admin: false });
    expect(codeOf(await t.run(bob, "audit:log", {}))).toBe("FORBIDDEN");
    const { entries } = await t.runOk(root, "audit:log", { limit: 1 });
    expect(entries[0]).toMatchObject({ action: "revoke-admin", actor: "(admin command line)", target: "bob" });
  });

  it("suspend like /suspend does, and list the accounts with their state", async () => {
    const t = createTestDomain();
    await t.registerAdmin("root");
    t.clock.advance(1000);
    const bob = await t.registerUser("bob");
    const outcome = await suspendAccount(t.deps, { name: "bob", reason: "spam" });
    expect(outcome.effects).toEqual([
      { type: "end-session", sessionId: bob.sessionId, reason: "revoked", code: "SUSPENDED" },
    ]);
    expect(codeOf(await t.run(bob, "session:state", {}))).toBe("NOT_AUTHENTICATED");
    expect(codeOf(await t.run(anonymous, "auth:login", { name: "bob", password: passwordOf("bob") }))).toBe(
      "SUSPENDED",
    );
    expect((await listAccounts(t.deps)).map((a) => [a.name, a.isAdmin, a.suspendReason])).toEqual([
      ["root", true, null],
      ["bob", false, "spam"],
    ]);
    await unsuspendAccount(t.deps, { name: "bob" });
    const grant = await t.runOk(anonymous, "auth:login", { name: "bob", password: passwordOf("bob") });
    expect((await authenticate(t.deps, grant.token)).userId).toBe(bob.userId);
  });
});
