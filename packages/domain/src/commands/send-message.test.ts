import { describe, expect, it } from "vitest";
import { codeOf, createTestDomain, devChannel, emitted, expectOk } from "../testing";

describe("message:send", () => {
  it("stores the line with the next sequence number and sends it to the channel", async () => {
    const t = createTestDomain();
    const { bob, dev } = await devChannel(t);
    const outcome = await t.run(bob, "message:send", { target: "#dev", text: "hello" });
    const { message } = expectOk(outcome);
    expect(message).toMatchObject({
      channelId: dev.id,
      seq: 3,
      kind: "text",
      text: "hello",
      author: { id: bob.userId, name: "bob" },
    });
    expect(emitted(outcome, "message:new")).toEqual([{ to: { channel: dev.id }, payload: message }]);
    expect((await t.runOk(bob, "history:read", { target: "#dev" })).messages.at(-1)).toEqual(message);
  });

  it("sends a /me action as an action line", async () => {
    const t = createTestDomain();
    const { bob } = await devChannel(t);
    expect((await t.runOk(bob, "message:send", { target: "#dev", text: "waves", action: true })).message.kind).toBe(
      "action",
    );
  });

  it("numbers a channel's lines 1, 2, 3… without gaps, system lines included", async () => {
    const t = createTestDomain();
    const { alice, bob, carol } = await devChannel(t);
    await t.runOk(bob, "message:send", { target: "#dev", text: "one" });
    await t.runOk(alice, "channel:topic", { channel: "#dev", topic: "two" });
    await t.runOk(carol, "channel:join", { channel: "#dev" });
    await t.run(bob, "channel:kick", { channel: "#dev", nick: "carol" }); // refused: takes no number
    await t.runOk(alice, "channel:kick", { channel: "#dev", nick: "carol" });
    await t.runOk(alice, "channel:mode", { channel: "#dev", inviteOnly: true });
    await t.runOk(bob, "channel:part", { channel: "#dev" });
    const { messages } = await t.runOk(alice, "history:read", { target: "#dev" });
    expect(messages.map((m) => [m.seq, m.kind])).toEqual([
      [1, "join"],
      [2, "join"],
      [3, "text"],
      [4, "topic"],
      [5, "join"],
      [6, "kick"],
      [7, "mode"],
      [8, "part"],
    ]);
  });

  it("returns the original message when a send is retried with the same clientId", async () => {
    const t = createTestDomain();
    const { bob } = await devChannel(t);
    const first = await t.runOk(bob, "message:send", { target: "#dev", text: "once", clientId: "c-1" });
    const retry = await t.run(bob, "message:send", { target: "#dev", text: "once", clientId: "c-1" });
    expect(expectOk(retry).message).toEqual(first.message);
    expect(first.message.clientId).toBe("c-1");
    expect(retry.effects).toEqual([]);
    const { messages } = await t.runOk(bob, "history:read", { target: "#dev" });
    expect(messages.filter((m) => m.kind === "text")).toHaveLength(1);
  });

  it("starts a direct conversation both users see, with each other as peer", async () => {
    const t = createTestDomain();
    const alice = await t.registerUser("alice");
    const bob = await t.registerUser("bob");
    const outcome = await t.run(alice, "message:send", { target: "Bob", text: "psst" });
    const { message } = expectOk(outcome);
    expect(outcome.effects.filter((e) => e.type === "subscribe")).toEqual([
      { type: "subscribe", user: alice.userId, channel: message.channelId },
      { type: "subscribe", user: bob.userId, channel: message.channelId },
    ]);
    expect(emitted(outcome, "channel:joined").map((e) => e.to)).toEqual([{ user: alice.userId }, { user: bob.userId }]);
    const aliceSees = (await t.runOk(alice, "session:state", {})).channels;
    const bobSees = (await t.runOk(bob, "session:state", {})).channels;
    expect(aliceSees).toEqual([
      expect.objectContaining({ id: message.channelId, kind: "direct", peer: { id: bob.userId, name: "bob" } }),
    ]);
    expect(bobSees).toEqual([
      expect.objectContaining({ id: message.channelId, kind: "direct", peer: { id: alice.userId, name: "alice" } }),
    ]);
  });

  it("reuses the direct conversation whoever writes next", async () => {
    const t = createTestDomain();
    const alice = await t.registerUser("alice");
    const bob = await t.registerUser("bob");
    const first = await t.runOk(alice, "message:send", { target: "bob", text: "psst" });
    const reply = await t.run(bob, "message:send", { target: "alice", text: "what" });
    expect(expectOk(reply).message).toMatchObject({ channelId: first.message.channelId, seq: 2 });
    expect(reply.effects.map((e) => e.type)).toEqual(["emit"]);
  });

  it("refuses a channel the sender is not in, a missing channel or nick, and a ban", async () => {
    const t = createTestDomain();
    const { alice, bob, carol } = await devChannel(t);
    expect(codeOf(await t.run(carol, "message:send", { target: "#dev", text: "hi" }))).toBe("NOT_A_MEMBER");
    expect(codeOf(await t.run(carol, "message:send", { target: "#nowhere", text: "hi" }))).toBe("NO_SUCH_CHANNEL");
    expect(codeOf(await t.run(carol, "message:send", { target: "nobody", text: "hi" }))).toBe("NO_SUCH_USER");
    await t.runOk(alice, "channel:ban", { channel: "#dev", nick: "bob" });
    expect(codeOf(await t.run(bob, "message:send", { target: "#dev", text: "hi" }))).toBe("BANNED");
  });

  it("refuses blank, overlong or badly addressed text", async () => {
    const t = createTestDomain();
    const { bob } = await devChannel(t);
    const before = t.store.snapshot();
    expect(codeOf(await t.run(bob, "message:send", { target: "#dev", text: "   " }))).toBe("INVALID_PAYLOAD");
    expect(codeOf(await t.run(bob, "message:send", { target: "#dev", text: "x".repeat(4001) }))).toBe(
      "INVALID_PAYLOAD",
    );
    expect(codeOf(await t.run(bob, "message:send", { target: "dev lounge", text: "hi" }))).toBe("INVALID_PAYLOAD");
    expect(codeOf(await t.run(bob, "message:send", { target: "#dev", text: "hi", clientId: "has space" }))).toBe(
      "INVALID_PAYLOAD",
    );
    expect(t.store.snapshot()).toEqual(before);
  });

  it("sends a reply carrying who and the first words of the original, kept current in history", async () => {
    const t = createTestDomain();
    const { alice, bob, dev } = await devChannel(t);
    const { message: original } = await t.runOk(alice, "message:send", { target: "#dev", text: "who has the keys?" });
    const outcome = await t.run(bob, "message:send", { target: "#dev", text: "I do", replyTo: original.seq });
    const summary = {
      seq: original.seq,
      author: { id: alice.userId, name: "alice" },
      excerpt: "who has the keys?",
      deleted: false,
      version: original.seq,
    };
    expect(expectOk(outcome).message.replyTo).toEqual(summary);
    expect(emitted(outcome, "message:new")).toMatchObject([{ to: { channel: dev.id }, payload: { replyTo: summary } }]);
    await t.runOk(alice, "message:edit", { target: "#dev", seq: original.seq, text: "who has the car keys?" });
    const { messages } = await t.runOk(bob, "history:read", { target: "#dev" });
    expect(messages.find((m) => m.text === "I do")?.replyTo).toEqual({
      ...summary,
      excerpt: "who has the car keys?",
      version: original.seq + 2,
    });
  });

  it("refuses a reply to a line that is not said, deleted, missing or of another conversation", async () => {
    const t = createTestDomain();
    const { alice, bob } = await devChannel(t);
    const { message: said } = await t.runOk(alice, "message:send", { target: "#dev", text: "hi" });
    const { message: gone } = await t.runOk(alice, "message:send", { target: "#dev", text: "bye" });
    await t.runOk(alice, "message:delete", { target: "#dev", seq: gone.seq });
    const { message: direct } = await t.runOk(alice, "message:send", { target: "bob", text: "psst" });
    await t.runOk(bob, "message:react", { target: "#dev", seq: said.seq, emoji: "👍" });
    const before = t.store.snapshot();
    const reply = (target: string, replyTo: number) => t.run(bob, "message:send", { target, text: "re", replyTo });
    expect(codeOf(await reply("#dev", 1))).toBe("NO_SUCH_MESSAGE"); // a join line
    expect(codeOf(await reply("#dev", gone.seq))).toBe("MESSAGE_DELETED");
    expect(codeOf(await reply("#dev", gone.seq + 1))).toBe("NO_SUCH_MESSAGE"); // the delete entry
    expect(codeOf(await reply("#dev", 999_999))).toBe("NO_SUCH_MESSAGE");
    expect(codeOf(await reply("alice", direct.seq + 5))).toBe("NO_SUCH_MESSAGE");
    expect(t.store.snapshot()).toEqual(before);
  });
});
