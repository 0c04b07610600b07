import { describe, expect, it } from "vitest";
import { anonymous } from "../actor";
import { codeOf, createTestDomain, devChannel, effectNames, emitted, expectOk } from "../testing";

describe("channel:join", () => {
  it("creates a missing channel with the joiner as its owner", async () => {
    const t = createTestDomain();
    const alice = await t.registerUser("alice");
    const outcome = await t.run(alice, "channel:join", { channel: "#Dev" });
    expect(expectOk(outcome).channel).toMatchObject({
      name: "#Dev",
      kind: "channel",
      role: "owner",
      memberCount: 1,
      lastSeq: 1,
      inviteOnly: false,
    });
  });

  it("subscribes the joiner, tells them, then tells the channel", async () => {
    const t = createTestDomain();
    const alice = await t.registerUser("alice");
    const outcome = await t.run(alice, "channel:join", { channel: "#dev" });
    const { channel } = expectOk(outcome);
    expect(effectNames(outcome.effects)).toEqual([
      "subscribe",
      "emit channel:joined",
      "emit message:new",
      "emit channel:member",
      "emit channel:updated",
    ]);
    expect(outcome.effects[0]).toEqual({ type: "subscribe", user: alice.userId, channel: channel.id });
    expect(emitted(outcome, "channel:joined")).toMatchObject([
      { to: { user: alice.userId }, payload: { channel: { id: channel.id, role: "owner" } } },
    ]);
    expect(emitted(outcome, "message:new")).toMatchObject([
      { to: { channel: channel.id }, payload: { kind: "join", seq: 1, author: { id: alice.userId, name: "alice" } } },
    ]);
    // The members' lists learn of the joiner from this, with the join line's seq.
    expect(emitted(outcome, "channel:member")).toMatchObject([
      {
        to: { channel: channel.id },
        payload: { channelId: channel.id, seq: 1, userId: alice.userId, member: { name: "alice", role: "owner" } },
      },
    ]);
  });

  it("adds later joiners as members, ignoring the name's case", async () => {
    const t = createTestDomain();
    const { bob, dev } = await devChannel(t);
    const { channel } = await t.runOk(bob, "channel:join", { channel: "#DEV" });
    expect(channel).toMatchObject({ id: dev.id, name: "#dev", role: "member", memberCount: 2 });
  });

  it("does nothing for a member joining again", async () => {
    const t = createTestDomain();
    const { bob, dev } = await devChannel(t);
    const outcome = await t.run(bob, "channel:join", { channel: "#dev" });
    expect(expectOk(outcome).channel).toMatchObject({ id: dev.id, role: "member", lastSeq: 2 });
    expect(outcome.effects).toEqual([]);
  });

  it("makes the first joiner of a channel everyone left an operator", async () => {
    const t = createTestDomain();
    const { alice, bob, carol } = await devChannel(t);
    await t.runOk(alice, "channel:part", { channel: "#dev" });
    await t.runOk(bob, "channel:part", { channel: "#dev" });
    expect((await t.runOk(carol, "channel:join", { channel: "#dev" })).channel.role).toBe("operator");
  });

  it("refuses a banned user", async () => {
    const t = createTestDomain();
    const { alice, carol } = await devChannel(t);
    await t.runOk(alice, "channel:ban", { channel: "#dev", nick: "carol" });
    expect(codeOf(await t.run(carol, "channel:join", { channel: "#dev" }))).toBe("BANNED");
  });

  it("refuses an uninvited user into an invite-only channel, but not an admin", async () => {
    const t = createTestDomain();
    const { root, alice, carol } = await devChannel(t);
    await t.runOk(alice, "channel:mode", { channel: "#dev", inviteOnly: true });
    const before = t.store.snapshot();
    expect(codeOf(await t.run(carol, "channel:join", { channel: "#dev" }))).toBe("INVITE_ONLY");
    expect(t.store.snapshot()).toEqual(before);
    expect(codeOf(await t.run(root, "channel:join", { channel: "#dev" }))).toBe("ok");
  });

  it("refuses a malformed channel name and an anonymous actor", async () => {
    const t = createTestDomain();
    const alice = await t.registerUser("alice");
    expect(codeOf(await t.run(alice, "channel:join", { channel: "dev" }))).toBe("INVALID_PAYLOAD");
    expect(codeOf(await t.run(alice, "channel:join", { channel: "#no spaces" }))).toBe("INVALID_PAYLOAD");
    expect(codeOf(await t.run(anonymous, "channel:join", { channel: "#dev" }))).toBe("NOT_AUTHENTICATED");
  });

  it("keeps membership, counts and sequence numbers consistent under concurrent joins and parts", async () => {
    const t = createTestDomain();
    const root = await t.registerAdmin("root");
    const alice = await t.registerUser("alice");
    const bob = await t.registerUser("bob");
    await t.runOk(root, "channel:join", { channel: "#dev" });
    const people = [alice, bob];
    const outcomes = await Promise.all(
      Array.from({ length: 60 }, (_, i) => {
        const actor = people[i % 2] ?? alice;
        return i % 3 === 2
          ? t.run(actor, "channel:part", { channel: "#dev" })
          : t.run(actor, "channel:join", { channel: "#dev" });
      }),
    );
    for (const outcome of outcomes) expect(["ok", "NOT_A_MEMBER"]).toContain(codeOf(outcome));

    const { messages } = await t.runOk(root, "history:read", { target: "#dev", limit: 200 });
    expect(messages.map((m) => m.seq)).toEqual(messages.map((_, i) => i + 1));
    expect(messages.filter((m) => m.kind === "part").length).toBeGreaterThan(5);
    // Replaying the lines must never add a member twice or remove an absent one, and each
    // channel:updated must carry the member count as of its line.
    const members = new Set<string>();
    const countAtSeq = new Map<number, number>();
    for (const m of messages) {
      const who = m.author?.id ?? "";
      if (m.kind === "join") {
        expect(members.has(who)).toBe(false);
        members.add(who);
      }
      if (m.kind === "part") expect(members.delete(who)).toBe(true);
      countAtSeq.set(m.seq, members.size);
    }
    for (const { payload } of outcomes.flatMap((o) => emitted(o, "channel:updated"))) {
      expect(payload.channel.memberCount).toBe(countAtSeq.get(payload.channel.lastSeq));
    }
    const listed = (await t.runOk(root, "channel:who", { channel: "#dev" })).members.map((m) => m.id);
    expect(new Set(listed)).toEqual(members);
    expect((await t.runOk(root, "channel:list", {})).channels).toEqual([
      expect.objectContaining({ name: "#dev", memberCount: members.size }),
    ]);
  });
});
