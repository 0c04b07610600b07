import { describe, expect, it } from "vitest";
import { codeOf, createTestDomain, devChannel } from "../testing";

describe("channel:who", () => {
  it("lists members with roles and online state, owner and operators first", async () => {
    const t = createTestDomain();
    const { root, alice, bob, carol } = await devChannel(t);
    await t.runOk(carol, "channel:join", { channel: "#dev" });
    await t.runOk(root, "channel:join", { channel: "#dev" });
    await t.runOk(alice, "channel:op", { channel: "#dev", nick: "carol" });
    t.online.add(bob.userId);
    const { members } = await t.runOk(bob, "channel:who", { channel: "#dev" });
    expect(members).toEqual([
      { id: alice.userId, name: "alice", role: "owner", isAdmin: false, online: false },
      { id: carol.userId, name: "carol", role: "operator", isAdmin: false, online: false },
      { id: bob.userId, name: "bob", role: "member", isAdmin: false, online: true },
      { id: root.userId, name: "root", role: "member", isAdmin: true, online: false },
    ]);
  });

  it("answers anyone for a public channel, only members for an invite-only one", async () => {
    const t = createTestDomain();
    const { alice, bob, carol } = await devChannel(t);
    expect(codeOf(await t.run(carol, "channel:who", { channel: "#dev" }))).toBe("ok");
    await t.runOk(alice, "channel:mode", { channel: "#dev", inviteOnly: true });
    expect(codeOf(await t.run(carol, "channel:who", { channel: "#dev" }))).toBe("NOT_A_MEMBER");
    expect(codeOf(await t.run(bob, "channel:who", { channel: "#dev" }))).toBe("ok");
  });

  it("refuses a missing channel and a banned user", async () => {
    const t = createTestDomain();
    const { alice, bob } = await devChannel(t);
    expect(codeOf(await t.run(bob, "channel:who", { channel: "#nowhere" }))).toBe("NO_SUCH_CHANNEL");
    await t.runOk(alice, "channel:ban", { channel: "#dev", nick: "bob" });
    expect(codeOf(await t.run(bob, "channel:who", { channel: "#dev" }))).toBe("BANNED");
  });
});
