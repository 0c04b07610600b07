import { describe, expect, it } from "vitest";
import type { UserActor } from "../actor";
import { codeOf, createTestDomain, devChannel, type TestDomain } from "../testing";

async function say(t: TestDomain, actor: UserActor, target: string, count: number): Promise<void> {
  for (let i = 1; i <= count; i++) await t.runOk(actor, "message:send", { target, text: `line ${i}` });
}

describe("history:read", () => {
  it("pages backwards with `before`, each page oldest first, until hasMore is false", async () => {
    const t = createTestDomain();
    const { bob, dev } = await devChannel(t);
    await say(t, bob, "#dev", 5); // seqs 3..7 after the two join lines

    const newest = await t.runOk(bob, "history:read", { target: "#dev", limit: 3 });
    expect(newest).toMatchObject({ channelId: dev.id, hasMore: true });
    expect(newest.messages.map((m) => m.seq)).toEqual([5, 6, 7]);

    const older = await t.runOk(bob, "history:read", { target: "#dev", limit: 3, before: 5 });
    expect(older.messages.map((m) => m.seq)).toEqual([2, 3, 4]);
    expect(older.hasMore).toBe(true);

    const oldest = await t.runOk(bob, "history:read", { target: "#dev", limit: 3, before: 2 });
    expect(oldest.messages.map((m) => m.seq)).toEqual([1]);
    expect(oldest.hasMore).toBe(false);
  });

  it("pages forwards with `after`, for catching up, until hasMore is false", async () => {
    const t = createTestDomain();
    const { bob } = await devChannel(t);
    await say(t, bob, "#dev", 5); // seqs 1..7

    const next = await t.runOk(bob, "history:read", { target: "#dev", after: 2, limit: 3 });
    expect(next.messages.map((m) => m.seq)).toEqual([3, 4, 5]);
    expect(next.hasMore).toBe(true);

    const last = await t.runOk(bob, "history:read", { target: "#dev", after: 5, limit: 2 });
    expect(last.messages.map((m) => m.seq)).toEqual([6, 7]);
    expect(last.hasMore).toBe(false);

    expect(await t.runOk(bob, "history:read", { target: "#dev", after: 7 })).toMatchObject({
      messages: [],
      hasMore: false,
    });
  });

  it("refuses before and after together", async () => {
    const t = createTestDomain();
    const { bob } = await devChannel(t);
    expect(codeOf(await t.run(bob, "history:read", { target: "#dev", before: 5, after: 1 }))).toBe("INVALID_PAYLOAD");
  });

  it("says there is no more when the page ends exactly at the first line", async () => {
    const t = createTestDomain();
    const { bob } = await devChannel(t);
    await say(t, bob, "#dev", 2);
    const page = await t.runOk(bob, "history:read", { target: "#dev", limit: 4 });
    expect(page.messages.map((m) => m.seq)).toEqual([1, 2, 3, 4]);
    expect(page.hasMore).toBe(false);
  });

  it("returns the newest 50 lines by default", async () => {
    const t = createTestDomain();
    const { bob } = await devChannel(t);
    await say(t, bob, "#dev", 60);
    const page = await t.runOk(bob, "history:read", { target: "#dev" });
    expect(page.messages).toHaveLength(50);
    expect(page.messages[49]).toMatchObject({ seq: 62, text: "line 60" });
    expect(page.hasMore).toBe(true);
  });

  it("lets outsiders read a public channel but not an invite-only one", async () => {
    const t = createTestDomain();
    const { alice, bob, carol } = await devChannel(t);
    expect((await t.runOk(carol, "history:read", { target: "#dev" })).messages).toHaveLength(2);
    await t.runOk(alice, "channel:mode", { channel: "#dev", inviteOnly: true });
    expect(codeOf(await t.run(carol, "history:read", { target: "#dev" }))).toBe("NOT_A_MEMBER");
    expect(codeOf(await t.run(bob, "history:read", { target: "#dev" }))).toBe("ok");
  });

  it("reads a direct conversation by the peer's nick, empty before the first message", async () => {
    const t = createTestDomain();
    const alice = await t.registerUser("alice");
    const bob = await t.registerUser("bob");
    expect(await t.runOk(alice, "history:read", { target: "bob" })).toEqual({
      channelId: "",
      messages: [],
      hasMore: false,
    });
    await say(t, alice, "bob", 2);
    const page = await t.runOk(bob, "history:read", { target: "ALICE" });
    expect(page.messages.map((m) => m.text)).toEqual(["line 1", "line 2"]);
  });

  it("refuses a missing channel, an unknown nick and a bad limit", async () => {
    const t = createTestDomain();
    const { bob } = await devChannel(t);
    expect(codeOf(await t.run(bob, "history:read", { target: "#nowhere" }))).toBe("NO_SUCH_CHANNEL");
    expect(codeOf(await t.run(bob, "history:read", { target: "nobody" }))).toBe("NO_SUCH_USER");
    expect(codeOf(await t.run(bob, "history:read", { target: "#dev", limit: 0 }))).toBe("INVALID_PAYLOAD");
    expect(codeOf(await t.run(bob, "history:read", { target: "#dev", limit: 201 }))).toBe("INVALID_PAYLOAD");
    expect(codeOf(await t.run(bob, "history:read", { target: "#dev", before: -1 }))).toBe("INVALID_PAYLOAD");
  });

  it("reads the page around a seq, it included, with hasMore and hasNewer", async () => {
    const t = createTestDomain();
    const { bob } = await devChannel(t);
    await say(t, bob, "#dev", 10); // seqs 3..12
    const middle = await t.runOk(bob, "history:read", { target: "#dev", around: 7, limit: 5 });
    expect(middle.messages.map((m) => m.seq)).toEqual([5, 6, 7, 8, 9]);
    expect(middle).toMatchObject({ hasMore: true, hasNewer: true });
    // Near an end the page fills from the other side.
    const start = await t.runOk(bob, "history:read", { target: "#dev", around: 1, limit: 4 });
    expect(start.messages.map((m) => m.seq)).toEqual([1, 2, 3, 4]);
    expect(start).toMatchObject({ hasMore: false, hasNewer: true });
    const end = await t.runOk(bob, "history:read", { target: "#dev", around: 12, limit: 4 });
    expect(end.messages.map((m) => m.seq)).toEqual([9, 10, 11, 12]);
    expect(end).toMatchObject({ hasMore: true, hasNewer: false });
    const beyond = await t.runOk(bob, "history:read", { target: "#dev", around: 999_999, limit: 3 });
    expect(beyond.messages.map((m) => m.seq)).toEqual([10, 11, 12]);
    expect(codeOf(await t.run(bob, "history:read", { target: "#dev", around: 5, before: 9 }))).toBe("INVALID_PAYLOAD");
  });

  it("gives lines in their current state with the change entries among them", async () => {
    const t = createTestDomain();
    const { alice, bob } = await devChannel(t);
    const { message } = await t.runOk(alice, "message:send", { target: "#dev", text: "frist" });
    await t.runOk(alice, "message:edit", { target: "#dev", seq: message.seq, text: "first" });
    await t.runOk(bob, "message:react", { target: "#dev", seq: message.seq, emoji: "😄" });
    const { messages } = await t.runOk(alice, "history:read", { target: "#dev" });
    expect(messages.map((m) => [m.seq, m.kind])).toEqual([
      [1, "join"],
      [2, "join"],
      [3, "text"],
      [4, "edit"],
      [5, "react"],
    ]);
    expect(messages[2]).toMatchObject({
      text: "first",
      version: 5,
      editedAt: expect.any(String) as unknown,
      reactions: [{ emoji: "😄", count: 1, me: false, users: [{ id: bob.userId, name: "bob", seq: 5 }] }],
    });
  });
});
