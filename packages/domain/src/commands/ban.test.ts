import { describe, expect, it } from "vitest";
import { codeOf, createTestDomain, devChannel, effectNames, emitted, expectOk, TEST_START } from "../testing";

describe("channel:ban", () => {
  it("removes the member, showing them the ban line first, and keeps them out for good", async () => {
    const year = 365 * 24 * 3600 * 1000;
    const t = createTestDomain({ sessionTtlMs: 2 * year });
    const { alice, bob, dev } = await devChannel(t);
    const outcome = await t.run(alice, "channel:ban", { channel: "#dev", nick: "bob", reason: "trolling" });
    expect(expectOk(outcome)).toEqual({ expiresAt: null });
    expect(effectNames(outcome.effects)).toEqual([
      "emit message:new",
      "emit channel:member",
      "unsubscribe",
      "emit channel:left",
      "emit channel:updated",
    ]);
    expect(emitted(outcome, "message:new")[0]?.payload).toMatchObject({
      kind: "ban",
      meta: { target: { id: bob.userId, name: "bob" }, reason: "trolling", expiresAt: null },
    });
    expect(emitted(outcome, "channel:left")[0]?.payload).toEqual({
      channelId: dev.id,
      name: "#dev",
      reason: "ban",
      by: "alice",
      message: "trolling",
      expiresAt: null,
    });

    expect(codeOf(await t.run(bob, "channel:join", { channel: "#dev" }))).toBe("BANNED");
    expect(codeOf(await t.run(bob, "message:send", { target: "#dev", text: "let me in" }))).toBe("BANNED");
    expect(codeOf(await t.run(bob, "history:read", { target: "#dev" }))).toBe("BANNED");
    t.clock.advance(year);
    expect(codeOf(await t.run(bob, "channel:join", { channel: "#dev" }))).toBe("BANNED");
  });

  it("keeps a timed ban until it expires", async () => {
    const t = createTestDomain();
    const { alice, bob } = await devChannel(t);
    const { expiresAt } = await t.runOk(alice, "channel:ban", { channel: "#dev", nick: "bob", durationSeconds: 600 });
    expect(expiresAt).toBe(new Date(TEST_START.getTime() + 600_000).toISOString());
    t.clock.advance(599_000);
    expect(codeOf(await t.run(bob, "channel:join", { channel: "#dev" }))).toBe("BANNED");
    t.clock.advance(1000);
    expect(codeOf(await t.run(bob, "channel:join", { channel: "#dev" }))).toBe("ok");
  });

  it("bans someone not in the channel, without a removal", async () => {
    const t = createTestDomain();
    const { alice, carol } = await devChannel(t);
    const outcome = await t.run(alice, "channel:ban", { channel: "#dev", nick: "carol" });
    expect(effectNames(outcome.effects)).toEqual(["emit message:new"]);
    expect(codeOf(await t.run(carol, "channel:join", { channel: "#dev" }))).toBe("BANNED");
  });

  it("cancels the target's invite", async () => {
    const t = createTestDomain();
    const { alice, carol } = await devChannel(t);
    await t.runOk(alice, "channel:mode", { channel: "#dev", inviteOnly: true });
    await t.runOk(alice, "channel:invite", { channel: "#dev", nick: "carol" });
    await t.runOk(alice, "channel:ban", { channel: "#dev", nick: "carol" });
    await t.runOk(alice, "channel:unban", { channel: "#dev", nick: "carol" });
    expect(codeOf(await t.run(carol, "channel:join", { channel: "#dev" }))).toBe("INVITE_ONLY");
  });

  it("refuses an operator banning the owner or themselves, but lets an admin ban the owner", async () => {
    const t = createTestDomain();
    const { root, alice, bob } = await devChannel(t);
    await t.runOk(alice, "channel:op", { channel: "#dev", nick: "bob" });
    expect(codeOf(await t.run(bob, "channel:ban", { channel: "#dev", nick: "alice" }))).toBe("FORBIDDEN");
    expect(codeOf(await t.run(bob, "channel:ban", { channel: "#dev", nick: "bob" }))).toBe("FORBIDDEN");
    expect(codeOf(await t.run(root, "channel:ban", { channel: "#dev", nick: "alice" }))).toBe("ok");
    expect(codeOf(await t.run(alice, "channel:join", { channel: "#dev" }))).toBe("BANNED");
  });

  it("does not lock a server admin out of moderating: they can lift their own ban", async () => {
    const t = createTestDomain();
    const { root, alice } = await devChannel(t);
    await t.runOk(root, "channel:join", { channel: "#dev" });
    await t.runOk(alice, "channel:ban", { channel: "#dev", nick: "root" });
    expect(codeOf(await t.run(root, "channel:join", { channel: "#dev" }))).toBe("BANNED");
    expect(codeOf(await t.run(root, "channel:unban", { channel: "#dev", nick: "root" }))).toBe("ok");
    expect(codeOf(await t.run(root, "channel:join", { channel: "#dev" }))).toBe("ok");
  });

  it("refuses a plain member, nobody, a missing channel and a bad duration", async () => {
    const t = createTestDomain();
    const { alice, bob } = await devChannel(t);
    expect(codeOf(await t.run(bob, "channel:ban", { channel: "#dev", nick: "alice" }))).toBe("FORBIDDEN");
    expect(codeOf(await t.run(alice, "channel:ban", { channel: "#dev", nick: "nobody" }))).toBe("NO_SUCH_USER");
    expect(codeOf(await t.run(alice, "channel:ban", { channel: "#nowhere", nick: "bob" }))).toBe("NO_SUCH_CHANNEL");
    expect(codeOf(await t.run(alice, "channel:ban", { channel: "#dev", nick: "bob", durationSeconds: 0 }))).toBe(
      "INVALID_PAYLOAD",
    );
    expect(codeOf(await t.run(bob, "message:send", { target: "#dev", text: "still in" }))).toBe("ok");
  });
});
