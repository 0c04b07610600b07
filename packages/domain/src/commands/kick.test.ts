import { describe, expect, it } from "vitest";
import { codeOf, createTestDomain, devChannel, effectNames, emitted } from "../testing";

describe("channel:kick", () => {
  it("shows the kick line to the channel, target included, before unsubscribing the target", async () => {
    const t = createTestDomain();
    const { alice, bob, dev } = await devChannel(t);
    const outcome = await t.run(alice, "channel:kick", { channel: "#dev", nick: "bob", reason: "spam" });
    expect(outcome.ack).toEqual({ ok: true, data: {} });
    expect(effectNames(outcome.effects)).toEqual([
      "emit message:new",
      "emit channel:member",
      "unsubscribe",
      "emit channel:left",
      "emit channel:updated",
    ]);
    expect(emitted(outcome, "message:new")[0]).toMatchObject({
      to: { channel: dev.id },
      payload: {
        kind: "kick",
        author: { id: alice.userId },
        meta: { target: { id: bob.userId, name: "bob" }, reason: "spam" },
      },
    });
    expect(outcome.effects[2]).toEqual({ type: "unsubscribe", user: bob.userId, channel: dev.id });
    expect(emitted(outcome, "channel:left")[0]?.payload).toEqual({
      channelId: dev.id,
      name: "#dev",
      reason: "kick",
      by: "alice",
      message: "spam",
    });
  });

  it("takes the target out: gone from who, refused on send, free to join again", async () => {
    const t = createTestDomain();
    const { alice, bob } = await devChannel(t);
    await t.runOk(alice, "channel:kick", { channel: "#dev", nick: "bob" });
    const { members } = await t.runOk(alice, "channel:who", { channel: "#dev" });
    expect(members.map((m) => m.name)).toEqual(["alice"]);
    expect(codeOf(await t.run(bob, "message:send", { target: "#dev", text: "hey" }))).toBe("NOT_A_MEMBER");
    expect(codeOf(await t.run(bob, "channel:join", { channel: "#dev" }))).toBe("ok");
  });

  it("lets nobody but an admin kick the owner", async () => {
    const t = createTestDomain();
    const { root, alice, bob } = await devChannel(t);
    await t.runOk(alice, "channel:op", { channel: "#dev", nick: "bob" });
    expect(codeOf(await t.run(bob, "channel:kick", { channel: "#dev", nick: "alice" }))).toBe("FORBIDDEN");
    expect(codeOf(await t.run(root, "channel:kick", { channel: "#dev", nick: "alice" }))).toBe("ok");
  });

  it("lets the owner kick an operator but not an operator another operator", async () => {
    const t = createTestDomain();
    const { alice, bob, carol } = await devChannel(t);
    await t.runOk(carol, "channel:join", { channel: "#dev" });
    await t.runOk(alice, "channel:op", { channel: "#dev", nick: "bob" });
    await t.runOk(alice, "channel:op", { channel: "#dev", nick: "carol" });
    expect(codeOf(await t.run(bob, "channel:kick", { channel: "#dev", nick: "carol" }))).toBe("FORBIDDEN");
    expect(codeOf(await t.run(alice, "channel:kick", { channel: "#dev", nick: "carol" }))).toBe("ok");
  });

  it("refuses kicking oneself, a non-member or nobody", async () => {
    const t = createTestDomain();
    const { alice } = await devChannel(t);
    expect(codeOf(await t.run(alice, "channel:kick", { channel: "#dev", nick: "alice" }))).toBe("FORBIDDEN");
    expect(codeOf(await t.run(alice, "channel:kick", { channel: "#dev", nick: "carol" }))).toBe("NOT_A_MEMBER");
    expect(codeOf(await t.run(alice, "channel:kick", { channel: "#dev", nick: "nobody" }))).toBe("NO_SUCH_USER");
  });

  it("refuses a plain member, an outsider and a missing channel, changing nothing", async () => {
    const t = createTestDomain();
    const { alice, bob, carol } = await devChannel(t);
    const before = t.store.snapshot();
    expect(codeOf(await t.run(bob, "channel:kick", { channel: "#dev", nick: "alice" }))).toBe("FORBIDDEN");
    expect(codeOf(await t.run(carol, "channel:kick", { channel: "#dev", nick: "bob" }))).toBe("NOT_A_MEMBER");
    expect(codeOf(await t.run(alice, "channel:kick", { channel: "#nowhere", nick: "bob" }))).toBe("NO_SUCH_CHANNEL");
    expect(t.store.snapshot()).toEqual(before);
  });
});
