import { describe, expect, it } from "vitest";
import { codeOf, createTestDomain, devChannel, effectNames, emitted, expectOk } from "../testing";

describe("channel:part", () => {
  it("shows the part line to the channel, parter included, before unsubscribing them", async () => {
    const t = createTestDomain();
    const { bob, dev } = await devChannel(t);
    const outcome = await t.run(bob, "channel:part", { channel: "#dev", reason: "lunch" });
    expect(outcome.ack).toEqual({ ok: true, data: {} });
    expect(effectNames(outcome.effects)).toEqual([
      "emit message:new",
      "emit channel:member",
      "unsubscribe",
      "emit channel:left",
      "emit channel:updated",
    ]);
    expect(emitted(outcome, "message:new")[0]?.payload).toMatchObject({
      kind: "part",
      seq: 3,
      author: { id: bob.userId },
      meta: { reason: "lunch" },
    });
    expect(outcome.effects[2]).toEqual({ type: "unsubscribe", user: bob.userId, channel: dev.id });
    expect(emitted(outcome, "channel:left")).toEqual([
      { to: { user: bob.userId }, payload: { channelId: dev.id, name: "#dev", reason: "part" } },
    ]);
    expect(emitted(outcome, "channel:updated")[0]?.payload.channel.memberCount).toBe(1);
  });

  it("takes the parter out of the channel", async () => {
    const t = createTestDomain();
    const { alice, bob } = await devChannel(t);
    await t.runOk(bob, "channel:part", { channel: "#dev" });
    const { members } = await t.runOk(alice, "channel:who", { channel: "#dev" });
    expect(members.map((m) => m.name)).toEqual(["alice"]);
    expect(codeOf(await t.run(bob, "message:send", { target: "#dev", text: "still here?" }))).toBe("NOT_A_MEMBER");
  });

  it("refuses a channel the actor is not in, or that does not exist", async () => {
    const t = createTestDomain();
    const { carol } = await devChannel(t);
    expect(codeOf(await t.run(carol, "channel:part", { channel: "#dev" }))).toBe("NOT_A_MEMBER");
    expect(codeOf(await t.run(carol, "channel:part", { channel: "#nowhere" }))).toBe("NO_SUCH_CHANNEL");
  });

  it("refuses an overlong reason", async () => {
    const t = createTestDomain();
    const { bob } = await devChannel(t);
    expect(codeOf(await t.run(bob, "channel:part", { channel: "#dev", reason: "x".repeat(201) }))).toBe(
      "INVALID_PAYLOAD",
    );
    expect(expectOk(await t.run(bob, "session:state", {})).channels).toHaveLength(1);
  });
});
