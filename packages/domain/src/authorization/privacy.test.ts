import { describe, expect, it } from "vitest";
import { execute } from "../dispatch";
import { codeOf, createTestDomain, devChannel, emitted, expectOk } from "../testing";

describe("what the permission table keeps private", () => {
  it("lists an invite-only channel only to its members and to admins", async () => {
    const t = createTestDomain();
    const { root, alice, carol } = await devChannel(t);
    await t.runOk(alice, "channel:mode", { channel: "#dev", inviteOnly: true });
    const names = async (actor: typeof root) => (await t.runOk(actor, "channel:list", {})).channels.map((c) => c.name);
    expect(await names(carol)).toEqual([]);
    expect(await names(alice)).toEqual(["#dev"]);
    expect(await names(root)).toEqual(["#dev"]);
  });

  it("never lets an admin outside an invite-only channel read its members or topic unaudited", async () => {
    const t = createTestDomain();
    const { root, alice } = await devChannel(t);
    await t.runOk(alice, "channel:topic", { channel: "#dev", topic: "launch plans" });
    await t.runOk(alice, "channel:mode", { channel: "#dev", inviteOnly: true });
    // What members only see stays theirs: the reads are refused, admins included.
    expect(codeOf(await t.run(root, "channel:who", { channel: "#dev" }))).toBe("NOT_A_MEMBER");
    expect(codeOf(await t.run(root, "channel:topic", { channel: "#dev" }))).toBe("NOT_A_MEMBER");
    // Moderating from outside answers with the topic or a member's role, so even a no-op is logged.
    const logged = async () => (await t.runOk(root, "audit:log", { limit: 100 })).entries;
    const before = (await logged()).length;
    expect((await t.runOk(root, "channel:mode", { channel: "#dev", inviteOnly: true })).channel.topic).toBe(
      "launch plans",
    );
    expect((await t.runOk(root, "channel:deop", { channel: "#dev", nick: "bob" })).member.role).toBe("member");
    await t.runOk(root, "channel:op", { channel: "#dev", nick: "bob" });
    await t.runOk(root, "channel:op", { channel: "#dev", nick: "bob" });
    const after = await logged();
    expect(
      after.slice(0, after.length - before).map((e) => [e.action, e.actor, e.channel, e.target, e.detail]),
    ).toEqual([
      ["op", "root", "#dev", "bob", "unchanged"],
      ["op", "root", "#dev", "bob", ""],
      ["deop", "root", "#dev", "bob", "unchanged"],
      ["mode", "root", "#dev", null, "+i unchanged"],
    ]);
    // A member making the same no-ops reads what they already see: nothing to log.
    await t.runOk(alice, "channel:op", { channel: "#dev", nick: "bob" });
    await t.runOk(alice, "channel:mode", { channel: "#dev", inviteOnly: true });
    expect(await logged()).toHaveLength(after.length);
  });

  it("never lets a third person read a direct conversation", async () => {
    const t = createTestDomain();
    const { alice, bob, carol } = await devChannel(t);
    const { message } = await t.runOk(alice, "message:send", { target: "bob", text: "just between us" });
    const direct = (await t.runOk(bob, "session:state", {})).channels.find((c) => c.kind === "direct");
    expect(direct?.name).toMatch(/^dm:/);
    // By nick, carol only ever reaches her own conversation with that person: there is none.
    expect(await t.runOk(carol, "history:read", { target: "alice" })).toEqual({
      channelId: "",
      messages: [],
      hasMore: false,
    });
    expect(await t.runOk(carol, "history:read", { target: "bob" })).toEqual({
      channelId: "",
      messages: [],
      hasMore: false,
    });
    // The conversation's own name is not a target anyone can give.
    expect(codeOf(await t.run(carol, "history:read", { target: direct?.name ?? "" }))).toBe("INVALID_PAYLOAD");
    expect(codeOf(await t.run(carol, "channel:who", { channel: direct?.name ?? "" }))).toBe("INVALID_PAYLOAD");
    expect((await t.runOk(bob, "history:read", { target: "alice" })).messages.map((m) => m.id)).toEqual([message.id]);
  });

  it("takes who acts from the session alone: fields naming someone else are ignored", async () => {
    const t = createTestDomain();
    const { root, alice, bob } = await devChannel(t);
    const forged = {
      target: "#dev",
      text: "I am alice",
      author: { id: alice.userId, name: "alice" },
      userId: alice.userId,
      sessionId: alice.sessionId,
    };
    const sent = expectOk(await execute(t.deps, bob, "message:send", forged));
    expect(sent).toMatchObject({ message: { author: { id: bob.userId, name: "bob" }, text: "I am alice" } });
    const alert = await execute(t.deps, root, "server:alert", { text: "hi", from: "alice" });
    expect(emitted(alert, "server:alert").map((e) => e.payload.from)).toEqual(["root"]);
  });

  it("cuts a kicked member off at once: they stop receiving and can no longer read or speak", async () => {
    const t = createTestDomain();
    const { alice, bob, dev } = await devChannel(t);
    await t.runOk(alice, "channel:mode", { channel: "#dev", inviteOnly: true });
    const kick = await t.run(alice, "channel:kick", { channel: "#dev", nick: "bob" });
    // The transport takes bob's connections out of the channel's room in the same step.
    expect(kick.effects.filter((e) => e.type === "unsubscribe")).toEqual([
      { type: "unsubscribe", user: bob.userId, channel: dev.id },
    ]);
    expect(codeOf(await t.run(bob, "history:read", { target: "#dev" }))).toBe("NOT_A_MEMBER");
    expect(codeOf(await t.run(bob, "message:send", { target: "#dev", text: "still here?" }))).toBe("NOT_A_MEMBER");
    expect(codeOf(await t.run(bob, "channel:join", { channel: "#dev" }))).toBe("INVITE_ONLY");
  });

  it("keeps a banned user out of a public channel: no rejoining, reading, listing members or typing", async () => {
    const t = createTestDomain();
    const { alice, bob } = await devChannel(t);
    await t.runOk(alice, "channel:ban", { channel: "#dev", nick: "bob" });
    for (const [event, payload] of [
      ["channel:join", { channel: "#dev" }],
      ["history:read", { target: "#dev" }],
      ["channel:who", { channel: "#dev" }],
      ["channel:topic", { channel: "#dev" }],
      ["typing:set", { target: "#dev", typing: true }],
    ] as const) {
      expect(codeOf(await execute(t.deps, bob, event, payload)), event).toBe("BANNED");
    }
  });
});

describe("channels per user", () => {
  it("refuses joining past the limit with TOO_MANY_CHANNELS; direct conversations do not count", async () => {
    const t = createTestDomain({ maxChannelsPerUser: 2 });
    const alice = await t.registerUser("alice");
    const bob = await t.registerUser("bob");
    await t.runOk(alice, "channel:join", { channel: "#one" });
    await t.runOk(bob, "channel:join", { channel: "#three" });
    await t.runOk(alice, "message:send", { target: "bob", text: "a direct conversation" });
    await t.runOk(alice, "channel:join", { channel: "#two" });
    const refused = await t.run(alice, "channel:join", { channel: "#three" });
    expect(codeOf(refused)).toBe("TOO_MANY_CHANNELS");
    expect(codeOf(await t.run(alice, "channel:join", { channel: "#brand-new" }))).toBe("TOO_MANY_CHANNELS");
    expect((await t.runOk(alice, "channel:list", {})).channels.map((c) => c.name).sort()).toEqual([
      "#one",
      "#three",
      "#two",
    ]);
    // Joining one you are already in is not another channel; leaving one makes room.
    expect(codeOf(await t.run(alice, "channel:join", { channel: "#one" }))).toBe("ok");
    await t.runOk(alice, "channel:part", { channel: "#one" });
    expect(codeOf(await t.run(alice, "channel:join", { channel: "#three" }))).toBe("ok");
  });
});
