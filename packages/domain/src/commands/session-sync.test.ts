import { limits } from "@canaduck/contract";
import { describe, expect, it } from "vitest";
import type { UserActor } from "../actor";
import { createTestDomain, devChannel, type TestDomain } from "../testing";

const say = async (t: TestDomain, actor: UserActor, text: string) =>
  (await t.runOk(actor, "message:send", { target: "#dev", text })).message.seq;

describe("session:sync", () => {
  it("gives every entry after the client's seq, edits and deletions included, with the state and markers", async () => {
    const t = createTestDomain();
    const { alice, bob, dev } = await devChannel(t);
    const seq = await say(t, alice, "draft");
    const other = await say(t, alice, "oops");
    const held = other; // bob's client holds everything up to here, then goes away
    await t.runOk(alice, "message:edit", { target: "#dev", seq, text: "final" });
    await t.runOk(alice, "message:delete", { target: "#dev", seq: other });
    const synced = await t.runOk(bob, "session:sync", { conversations: [{ channelId: dev.id, after: held }] });
    expect(synced.user.name).toBe("bob");
    expect(synced.channels).toMatchObject([{ id: dev.id, lastSeq: held + 2, readSeq: 1, unread: 1 }]);
    expect(synced.changes).toMatchObject([
      {
        channelId: dev.id,
        reset: false,
        hasMore: false,
        messages: [
          { seq: held + 1, kind: "edit", text: "final", meta: { targetSeq: seq } },
          { seq: held + 2, kind: "delete", meta: { targetSeq: other } },
        ],
      },
    ]);
  });

  it("answers reset with the newest page for a conversation not named or too far behind", async () => {
    const t = createTestDomain();
    const { alice, bob, dev } = await devChannel(t);
    for (let i = 0; i < limits.syncEntriesMax + 1; i++) await say(t, alice, `line ${i}`);
    const behind = await t.runOk(bob, "session:sync", { conversations: [{ channelId: dev.id, after: 1 }] });
    const fresh = await t.runOk(bob, "history:read", { target: "#dev" });
    expect(behind.changes).toEqual([{ channelId: dev.id, reset: true, messages: fresh.messages, hasMore: true }]);
    const unnamed = await t.runOk(bob, "session:sync", { conversations: [] });
    expect(unnamed.changes).toEqual(behind.changes);
    // Just within the bound: every entry, no reset.
    const lastSeq = 2 + limits.syncEntriesMax + 1;
    const near = await t.runOk(bob, "session:sync", {
      conversations: [{ channelId: dev.id, after: lastSeq - limits.syncEntriesMax }],
    });
    expect(near.changes[0]).toMatchObject({ reset: false, hasMore: false });
    expect(near.changes[0]?.messages).toHaveLength(limits.syncEntriesMax);
  });

  it("leaves out conversations the user is no longer in, and ids that are no conversation", async () => {
    const t = createTestDomain();
    const { alice, bob, dev } = await devChannel(t);
    await t.runOk(alice, "channel:kick", { channel: "#dev", nick: "bob" });
    const synced = await t.runOk(bob, "session:sync", {
      conversations: [
        { channelId: dev.id, after: 2 },
        { channelId: "no-such-id", after: 0 },
      ],
    });
    expect(synced.channels).toEqual([]);
    expect(synced.changes).toEqual([]);
  });
});
