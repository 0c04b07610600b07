import { describe, expect, it } from "vitest";
import { codeOf, createTestDomain, devChannel, emitted } from "../testing";

describe("channel:invite", () => {
  it("tells the invitee, who can then join the invite-only channel once", async () => {
    const t = createTestDomain();
    const { alice, carol } = await devChannel(t);
    await t.runOk(alice, "channel:mode", { channel: "#dev", inviteOnly: true });
    const outcome = await t.run(alice, "channel:invite", { channel: "#dev", nick: "Carol" });
    expect(outcome.ack).toEqual({ ok: true, data: {} });
    expect(emitted(outcome, "channel:invited")).toEqual([
      { to: { user: carol.userId }, payload: { channel: "#dev", by: "alice" } },
    ]);

    expect(codeOf(await t.run(carol, "channel:join", { channel: "#dev" }))).toBe("ok");
    await t.runOk(carol, "channel:part", { channel: "#dev" });
    expect(codeOf(await t.run(carol, "channel:join", { channel: "#dev" }))).toBe("INVITE_ONLY");
  });

  it("refuses inviting a member, a banned user or nobody", async () => {
    const t = createTestDomain();
    const { alice } = await devChannel(t);
    await t.runOk(alice, "channel:ban", { channel: "#dev", nick: "carol" });
    expect(codeOf(await t.run(alice, "channel:invite", { channel: "#dev", nick: "bob" }))).toBe("ALREADY_A_MEMBER");
    expect(codeOf(await t.run(alice, "channel:invite", { channel: "#dev", nick: "carol" }))).toBe("BANNED");
    expect(codeOf(await t.run(alice, "channel:invite", { channel: "#dev", nick: "nobody" }))).toBe("NO_SUCH_USER");
  });

  it("refuses a plain member, an outsider and a missing channel", async () => {
    const t = createTestDomain();
    const { alice, bob, carol } = await devChannel(t);
    await t.runOk(alice, "channel:mode", { channel: "#dev", inviteOnly: true });
    expect(codeOf(await t.run(bob, "channel:invite", { channel: "#dev", nick: "carol" }))).toBe("FORBIDDEN");
    expect(codeOf(await t.run(carol, "channel:invite", { channel: "#dev", nick: "carol" }))).toBe("NOT_A_MEMBER");
    expect(codeOf(await t.run(alice, "channel:invite", { channel: "#nowhere", nick: "carol" }))).toBe(
      "NO_SUCH_CHANNEL",
    );
    expect(codeOf(await t.run(carol, "channel:join", { channel: "#dev" }))).toBe("INVITE_ONLY");
  });
});
