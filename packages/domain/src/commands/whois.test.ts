import { describe, expect, it } from "vitest";
import { codeOf, createTestDomain, devChannel } from "../testing";

describe("user:whois", () => {
  it("tells the account, online, idle since the last said line, and only the channels in common", async () => {
    const t = createTestDomain();
    const { root, alice, bob, carol } = await devChannel(t);
    await t.runOk(bob, "channel:join", { channel: "#secret" });
    await t.runOk(bob, "channel:mode", { channel: "#secret", inviteOnly: true });
    await t.runOk(bob, "channel:join", { channel: "#a-first" });
    await t.runOk(alice, "channel:join", { channel: "#a-first" });
    await t.runOk(alice, "message:send", { target: "bob", text: "a direct line is not a channel" });
    await t.runOk(bob, "message:send", { target: "#dev", text: "hello" });
    t.clock.advance(90_500);
    t.online.add(bob.userId);
    expect(await t.runOk(alice, "user:whois", { nick: "BOB" })).toEqual({
      user: { id: bob.userId, name: "bob", isAdmin: false },
      online: true,
      away: null,
      idleSeconds: 90,
      channelsInCommon: ["#a-first", "#dev"],
    });
    const seenByCarol = await t.runOk(carol, "user:whois", { nick: "bob" });
    expect(seenByCarol.channelsInCommon).toEqual([]);
    const adminSeen = await t.runOk(bob, "user:whois", { nick: "root" });
    expect(adminSeen).toMatchObject({ user: { isAdmin: true }, online: false, idleSeconds: null });
    expect(root.userId).toBe(adminSeen.user.id);
  });

  it("refuses an unknown nick", async () => {
    const t = createTestDomain();
    const { alice } = await devChannel(t);
    expect(codeOf(await t.run(alice, "user:whois", { nick: "nobody" }))).toBe("NO_SUCH_USER");
  });
});
