import { describe, expect, it } from "vitest";
import { codeOf, createTestDomain, devChannel, effectNames, emitted, expectOk } from "../testing";

describe("channel:mode", () => {
  it("makes a channel invite-only, with a mode line and an update", async () => {
    const t = createTestDomain();
    const { alice, dev } = await devChannel(t);
    const outcome = await t.run(alice, "channel:mode", { channel: "#dev", inviteOnly: true });
    expect(expectOk(outcome).channel).toMatchObject({ id: dev.id, inviteOnly: true, lastSeq: 3 });
    expect(effectNames(outcome.effects)).toEqual(["emit message:new", "emit channel:updated"]);
    expect(emitted(outcome, "message:new")[0]?.payload).toMatchObject({ kind: "mode", meta: { inviteOnly: true } });
  });

  it("opens it again with -i, and does nothing when the mode is already set", async () => {
    const t = createTestDomain();
    const { alice, carol } = await devChannel(t);
    await t.runOk(alice, "channel:mode", { channel: "#dev", inviteOnly: true });
    const again = await t.run(alice, "channel:mode", { channel: "#dev", inviteOnly: true });
    expect(expectOk(again).channel.lastSeq).toBe(3);
    expect(again.effects).toEqual([]);
    await t.runOk(alice, "channel:mode", { channel: "#dev", inviteOnly: false });
    expect(codeOf(await t.run(carol, "channel:join", { channel: "#dev" }))).toBe("ok");
  });

  it("refuses a plain member, an outsider and a missing channel", async () => {
    const t = createTestDomain();
    const { bob, carol } = await devChannel(t);
    expect(codeOf(await t.run(bob, "channel:mode", { channel: "#dev", inviteOnly: true }))).toBe("FORBIDDEN");
    expect(codeOf(await t.run(carol, "channel:mode", { channel: "#dev", inviteOnly: true }))).toBe("NOT_A_MEMBER");
    expect(codeOf(await t.run(bob, "channel:mode", { channel: "#nowhere", inviteOnly: true }))).toBe("NO_SUCH_CHANNEL");
    expect(codeOf(await t.run(carol, "channel:join", { channel: "#dev" }))).toBe("ok");
  });
});
