import { describe, expect, it } from "vitest";
import { codeOf, createTestDomain, devChannel, emitted, expectOk } from "../testing";

describe("channel:op", () => {
  it("makes a member an operator, with an op line, and they can then moderate", async () => {
    const t = createTestDomain();
    const { alice, bob, carol } = await devChannel(t);
    await t.runOk(carol, "channel:join", { channel: "#dev" });
    t.online.add(bob.userId);
    const outcome = await t.run(alice, "channel:op", { channel: "#dev", nick: "bob" });
    expect(expectOk(outcome).member).toEqual({
      id: bob.userId,
      name: "bob",
      role: "operator",
      isAdmin: false,
      online: true,
    });
    expect(emitted(outcome, "message:new")[0]?.payload).toMatchObject({
      kind: "op",
      meta: { target: { id: bob.userId } },
    });
    expect(codeOf(await t.run(bob, "channel:kick", { channel: "#dev", nick: "carol" }))).toBe("ok");
  });

  it("leaves an operator or the owner as they are, without a line", async () => {
    const t = createTestDomain();
    const { alice } = await devChannel(t);
    await t.runOk(alice, "channel:op", { channel: "#dev", nick: "bob" });
    const again = await t.run(alice, "channel:op", { channel: "#dev", nick: "bob" });
    expect(expectOk(again).member.role).toBe("operator");
    expect(again.effects).toEqual([]);
    expect((await t.runOk(alice, "channel:op", { channel: "#dev", nick: "alice" })).member).toMatchObject({
      role: "owner",
      online: false,
    });
  });

  it("refuses a target outside the channel or nobody", async () => {
    const t = createTestDomain();
    const { alice } = await devChannel(t);
    expect(codeOf(await t.run(alice, "channel:op", { channel: "#dev", nick: "carol" }))).toBe("NOT_A_MEMBER");
    expect(codeOf(await t.run(alice, "channel:op", { channel: "#dev", nick: "nobody" }))).toBe("NO_SUCH_USER");
  });

  it("refuses a plain member, an outsider and a missing channel", async () => {
    const t = createTestDomain();
    const { alice, bob, carol } = await devChannel(t);
    expect(codeOf(await t.run(bob, "channel:op", { channel: "#dev", nick: "bob" }))).toBe("FORBIDDEN");
    expect(codeOf(await t.run(carol, "channel:op", { channel: "#dev", nick: "bob" }))).toBe("NOT_A_MEMBER");
    expect(codeOf(await t.run(alice, "channel:op", { channel: "#nowhere", nick: "bob" }))).toBe("NO_SUCH_CHANNEL");
    const { members } = await t.runOk(alice, "channel:who", { channel: "#dev" });
    expect(members.find((m) => m.name === "bob")?.role).toBe("member");
  });
});
