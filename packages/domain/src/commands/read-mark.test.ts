import { limits } from "@canaduck/contract";
import { describe, expect, it } from "vitest";
import type { UserActor } from "../actor";
import { codeOf, createTestDomain, devChannel, emitted, type TestDomain } from "../testing";

const say = async (t: TestDomain, actor: UserActor, text: string, target = "#dev") =>
  (await t.runOk(actor, "message:send", { target, text })).message.seq;
const viewOf = async (t: TestDomain, actor: UserActor, name = "#dev") =>
  (await t.runOk(actor, "session:state", {})).channels.find((c) => c.name === name || c.kind === name);

describe("read markers", () => {
  it("start at the end when joining: what was said before is not unread", async () => {
    const t = createTestDomain();
    const { alice, carol } = await devChannel(t);
    await say(t, alice, "before carol came");
    const { channel } = await t.runOk(carol, "channel:join", { channel: "#dev" });
    expect(channel).toMatchObject({ readSeq: 3, unread: 0, mentions: 0 });
    expect(await viewOf(t, carol)).toMatchObject({ readSeq: 3, unread: 0, lastSeq: 4 });
  });

  it("count what others said after the marker, and the lines that name the viewer", async () => {
    const t = createTestDomain();
    const { alice, bob } = await devChannel(t);
    await say(t, alice, "morning all");
    await say(t, alice, "bob: can you look?");
    await say(t, bob, "my own line is never unread");
    const gone = await say(t, alice, "@bob never mind");
    await t.runOk(alice, "message:delete", { target: "#dev", seq: gone });
    expect(await viewOf(t, bob)).toMatchObject({ readSeq: 1, unread: 2, mentions: 1 });
  });

  it("count a direct conversation's first lines as unread for the receiver", async () => {
    const t = createTestDomain();
    const { alice, bob } = await devChannel(t);
    await say(t, alice, "psst", "bob");
    expect(await viewOf(t, bob, "direct")).toMatchObject({ readSeq: 0, unread: 1, mentions: 0 });
    expect(await viewOf(t, alice, "direct")).toMatchObject({ readSeq: 0, unread: 0 });
  });
});

describe("read:mark", () => {
  it("moves the marker forward and tells every connection of the user, with what is still unread", async () => {
    const t = createTestDomain();
    const { alice, bob, dev } = await devChannel(t);
    const first = await say(t, alice, "one");
    await say(t, alice, "two, bob");
    const outcome = await t.run(bob, "read:mark", { target: "#dev", seq: first });
    expect(outcome.ack).toEqual({ ok: true, data: { readSeq: first } });
    expect(emitted(outcome, "read:marked")).toEqual([
      { to: { user: bob.userId }, payload: { channelId: dev.id, readSeq: first, unread: 1, mentions: 1, lastSeq: 4 } },
    ]);
    expect(await viewOf(t, bob)).toMatchObject({ readSeq: first, unread: 1, mentions: 1 });
  });

  it("never moves back, stops at the last seq, and tells nobody when nothing moved", async () => {
    const t = createTestDomain();
    const { alice, bob } = await devChannel(t);
    await say(t, alice, "one");
    expect((await t.runOk(bob, "read:mark", { target: "#dev", seq: 999_999 })).readSeq).toBe(3);
    const back = await t.run(bob, "read:mark", { target: "#dev", seq: 1 });
    expect(back.ack).toEqual({ ok: true, data: { readSeq: 3 } });
    expect(back.effects).toEqual([]);
  });

  it("marks a direct conversation named by the peer's nick", async () => {
    const t = createTestDomain();
    const { alice, bob } = await devChannel(t);
    const seq = await say(t, alice, "psst", "bob");
    await t.runOk(bob, "read:mark", { target: "alice", seq });
    expect(await viewOf(t, bob, "direct")).toMatchObject({ readSeq: seq, unread: 0 });
  });

  it("counts at most limits.unreadCountMax", async () => {
    const t = createTestDomain();
    const { alice, bob } = await devChannel(t);
    const many = Array.from({ length: limits.unreadCountMax + 5 }, (_, i) => `line ${i}`);
    for (const text of many) await say(t, alice, text);
    expect((await viewOf(t, bob))?.unread).toBe(limits.unreadCountMax);
    // A thousand sends through the in-memory store, which copies its state per transaction: slow on a loaded machine.
  }, 30_000);

  it("refuses a conversation the user is not in", async () => {
    const t = createTestDomain();
    const { carol } = await devChannel(t);
    expect(codeOf(await t.run(carol, "read:mark", { target: "#dev", seq: 1 }))).toBe("NOT_A_MEMBER");
  });
});
