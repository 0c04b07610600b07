import { describe, expect, it } from "vitest";
import { anonymous } from "../actor";
import { authenticate } from "../authenticate";
import { codeOf, createTestDomain, devChannel, passwordOf } from "../testing";

describe("user:suspend and user:unsuspend", () => {
  it("end every session of the account at once, refuse its login and reconnects, and keep its lines", async () => {
    const t = createTestDomain();
    const { root, bob } = await devChannel(t);
    await t.runOk(bob, "message:send", { target: "#dev", text: "my last words" });
    const phone = await t.runOk(anonymous, "auth:login", { name: "bob", password: passwordOf("bob") });
    const phoneActor = await authenticate(t.deps, phone.token);

    const outcome = await t.run(root, "user:suspend", { nick: "Bob", reason: "spam" });
    expect(outcome.ack).toEqual({ ok: true, data: { sessionsEnded: 2 } });
    expect(outcome.effects).toEqual([
      { type: "end-session", sessionId: bob.sessionId, reason: "revoked", code: "SUSPENDED" },
      { type: "end-session", sessionId: phoneActor.sessionId, reason: "revoked", code: "SUSPENDED" },
    ]);
    expect(codeOf(await t.run(bob, "session:state", {}))).toBe("NOT_AUTHENTICATED");
    await expect(authenticate(t.deps, phone.token)).rejects.toMatchObject({
      code: "SUSPENDED",
      message: "This account is suspended.",
    });
    const login = await t.run(anonymous, "auth:login", { name: "bob", password: passwordOf("bob") });
    expect(login.ack).toEqual({ ok: false, error: { code: "SUSPENDED", message: "This account is suspended." } });
    // A wrong password is answered as always: only who knows the password learns of the suspension.
    expect(codeOf(await t.run(anonymous, "auth:login", { name: "bob", password: "wrong-password" }))).toBe(
      "INVALID_CREDENTIALS",
    );

    const history = await t.runOk(root, "history:read", { target: "#dev" });
    expect(history.messages.map((m) => m.text)).toContain("my last words");
    const { entries } = await t.runOk(root, "audit:log", { limit: 1 });
    expect(entries[0]).toMatchObject({ action: "suspend", actor: "root", target: "bob", detail: "spam" });

    expect((await t.run(root, "user:unsuspend", { nick: "bob" })).ack).toEqual({ ok: true, data: {} });
    expect(codeOf(await t.run(anonymous, "auth:login", { name: "bob", password: passwordOf("bob") }))).toBe("ok");
    // The sessions suspension ended stay ended.
    await expect(authenticate(t.deps, phone.token)).rejects.toMatchObject({ code: "NOT_AUTHENTICATED" });
    expect((await t.runOk(root, "audit:log", { limit: 1 })).entries[0]).toMatchObject({
      action: "unsuspend",
      target: "bob",
    });
  });

  it("refuse non-admins, unknown nicks and suspending yourself, changing nothing", async () => {
    const t = createTestDomain();
    const { root, alice } = await devChannel(t);
    expect(codeOf(await t.run(alice, "user:suspend", { nick: "bob" }))).toBe("FORBIDDEN");
    expect(codeOf(await t.run(alice, "user:unsuspend", { nick: "bob" }))).toBe("FORBIDDEN");
    expect(codeOf(await t.run(root, "user:suspend", { nick: "nobody" }))).toBe("NO_SUCH_USER");
    expect(codeOf(await t.run(root, "user:suspend", { nick: "root" }))).toBe("FORBIDDEN");
    expect(codeOf(await t.run(anonymous, "auth:login", { name: "bob", password: passwordOf("bob") }))).toBe("ok");
  });

  it("suspending again ends nothing more and keeps the first date", async () => {
    const t = createTestDomain();
    const { root } = await devChannel(t);
    await t.runOk(root, "user:suspend", { nick: "bob" });
    t.clock.advance(60_000);
    expect(await t.runOk(root, "user:suspend", { nick: "bob", reason: "still spam" })).toEqual({ sessionsEnded: 0 });
    const bob = await t.store.transaction((tx) => tx.users.findByNameKey("bob"));
    expect(bob).toMatchObject({ suspendReason: "still spam", suspendedAt: new Date("2025-01-01T12:00:00.000Z") });
  });
});
