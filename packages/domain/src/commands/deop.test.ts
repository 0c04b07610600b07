import { describe, expect, it } from "vitest";
import { codeOf, createTestDomain, devChannel, emitted, expectOk } from "../testing";

describe("channel:deop", () => {
  it("makes an operator a plain member again, with a deop line", async () => {
    const t = createTestDomain();
    const { alice, bob } = await devChannel(t);
    await t.runOk(alice, "channel:op", { channel: "#dev", nick: "bob" });
    const outcome = await t.run(alice, "channel:deop", { channel: "#dev", nick: "bob" });
    expect(expectOk(outcome).member).toMatchObject({ id: bob.userId, role: "member" });
    expect(emitted(outcome, "message:new")[0]?.payload).toMatchObject({
      kind: "deop",
      meta: { target: { id: bob.userId } },
    });
    expect(codeOf(await t.run(bob, "channel:topic", { channel: "#dev", topic: "nope" }))).toBe("FORBIDDEN");
  });

  it("never deops the owner, not even for an admin", async () => {
    const t = createTestDomain();
    const { root, alice, bob } = await devChannel(t);
    await t.runOk(alice, "channel:op", { channel: "#dev", nick: "bob" });
    expect(codeOf(await t.run(bob, "channel:deop", { channel: "#dev", nick: "alice" }))).toBe("FORBIDDEN");
    expect(codeOf(await t.run(root, "channel:deop", { channel: "#dev", nick: "alice" }))).toBe("FORBIDDEN");
    expect(codeOf(await t.run(alice, "channel:deop", { channel: "#dev", nick: "alice" }))).toBe("FORBIDDEN");
  });

  it("lets an operator step down, but not deop another operator", async () => {
    const t = createTestDomain();
    const { alice, bob, carol } = await devChannel(t);
    await t.runOk(carol, "channel:join", { channel: "#dev" });
    await t.runOk(alice, "channel:op", { channel: "#dev", nick: "bob" });
    await t.runOk(alice, "channel:op", { channel: "#dev", nick: "carol" });
    expect(codeOf(await t.run(bob, "channel:deop", { channel: "#dev", nick: "carol" }))).toBe("FORBIDDEN");
    expect(expectOk(await t.run(bob, "channel:deop", { channel: "#dev", nick: "bob" })).member.role).toBe("member");
  });

  it("leaves a plain member as they are, without a line", async () => {
    const t = createTestDomain();
    const { alice } = await devChannel(t);
    const outcome = await t.run(alice, "channel:deop", { channel: "#dev", nick: "bob" });
    expect(expectOk(outcome).member.role).toBe("member");
    expect(outcome.effects).toEqual([]);
  });

  it("refuses a target outside the channel, nobody, a plain member, an outsider and a missing channel", async () => {
    const t = createTestDomain();
    const { alice, bob, carol } = await devChannel(t);
    expect(codeOf(await t.run(alice, "channel:deop", { channel: "#dev", nick: "carol" }))).toBe("NOT_A_MEMBER");
    expect(codeOf(await t.run(alice, "channel:deop", { channel: "#dev", nick: "nobody" }))).toBe("NO_SUCH_USER");
    expect(codeOf(await t.run(bob, "channel:deop", { channel: "#dev", nick: "alice" }))).toBe("FORBIDDEN");
    expect(codeOf(await t.run(carol, "channel:deop", { channel: "#dev", nick: "bob" }))).toBe("NOT_A_MEMBER");
    expect(codeOf(await t.run(alice, "channel:deop", { channel: "#nowhere", nick: "bob" }))).toBe("NO_SUCH_CHANNEL");
  });
});
