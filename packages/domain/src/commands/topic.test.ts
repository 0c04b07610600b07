import { describe, expect, it } from "vitest";
import { codeOf, createTestDomain, devChannel, effectNames, emitted, expectOk } from "../testing";

describe("channel:topic", () => {
  it("lets an operator set the topic, with a topic line and an update to the channel", async () => {
    const t = createTestDomain();
    const { alice, dev } = await devChannel(t);
    const outcome = await t.run(alice, "channel:topic", { channel: "#dev", topic: "  release on Friday " });
    expect(expectOk(outcome).channel).toMatchObject({ topic: "release on Friday", lastSeq: 3, role: "owner" });
    expect(effectNames(outcome.effects)).toEqual(["emit message:new", "emit channel:updated"]);
    expect(emitted(outcome, "message:new")[0]).toMatchObject({
      to: { channel: dev.id },
      payload: { kind: "topic", text: "release on Friday" },
    });
    expect(emitted(outcome, "channel:updated")[0]?.payload.channel.topic).toBe("release on Friday");
  });

  it("lets anyone read a public channel's topic, without changing anything", async () => {
    const t = createTestDomain();
    const { alice, carol } = await devChannel(t);
    await t.runOk(alice, "channel:topic", { channel: "#dev", topic: "shipping" });
    const outcome = await t.run(carol, "channel:topic", { channel: "#dev" });
    expect(expectOk(outcome).channel).toMatchObject({ topic: "shipping", role: null });
    expect(outcome.effects).toEqual([]);
  });

  it("refuses a plain member setting it, and an outsider", async () => {
    const t = createTestDomain();
    const { bob, carol } = await devChannel(t);
    expect(codeOf(await t.run(bob, "channel:topic", { channel: "#dev", topic: "mine now" }))).toBe("FORBIDDEN");
    expect(codeOf(await t.run(carol, "channel:topic", { channel: "#dev", topic: "mine now" }))).toBe("NOT_A_MEMBER");
    expect((await t.runOk(bob, "channel:topic", { channel: "#dev" })).channel.topic).toBe("");
  });

  it("lets an admin set the topic of a channel they are not in", async () => {
    const t = createTestDomain();
    const { root } = await devChannel(t);
    expect(expectOk(await t.run(root, "channel:topic", { channel: "#dev", topic: "by order" })).channel.topic).toBe(
      "by order",
    );
  });

  it("hides an invite-only channel's topic from outsiders", async () => {
    const t = createTestDomain();
    const { alice, bob, carol } = await devChannel(t);
    await t.runOk(alice, "channel:mode", { channel: "#dev", inviteOnly: true });
    expect(codeOf(await t.run(carol, "channel:topic", { channel: "#dev" }))).toBe("NOT_A_MEMBER");
    expect(codeOf(await t.run(bob, "channel:topic", { channel: "#dev" }))).toBe("ok");
  });

  it("refuses a missing channel, a banned user and an overlong topic", async () => {
    const t = createTestDomain();
    const { alice, carol } = await devChannel(t);
    await t.runOk(alice, "channel:ban", { channel: "#dev", nick: "carol" });
    expect(codeOf(await t.run(carol, "channel:topic", { channel: "#nowhere" }))).toBe("NO_SUCH_CHANNEL");
    expect(codeOf(await t.run(carol, "channel:topic", { channel: "#dev" }))).toBe("BANNED");
    expect(codeOf(await t.run(alice, "channel:topic", { channel: "#dev", topic: "x".repeat(301) }))).toBe(
      "INVALID_PAYLOAD",
    );
  });
});
