import { describe, expect, it } from "vitest";
import type { UserActor } from "../actor";
import { codeOf, createTestDomain, devChannel, emitted, expectOk, type TestDomain } from "../testing";

const say = async (t: TestDomain, actor: UserActor, text: string) =>
  (await t.runOk(actor, "message:send", { target: "#dev", text })).message.seq;
const stored = (t: TestDomain) => [...t.store.snapshot().messages.values()];

describe("message:delete", () => {
  it("erases the author's own line, its edits and its reactions: a tombstone is what is left", async () => {
    const t = createTestDomain();
    const { alice, bob, dev } = await devChannel(t);
    const seq = await say(t, alice, "secret plan");
    await t.runOk(alice, "message:edit", { target: "#dev", seq, text: "secret plan v2" });
    await t.runOk(bob, "message:react", { target: "#dev", seq, emoji: "👀" });
    const outcome = await t.run(alice, "message:delete", { target: "#dev", seq });
    expect(expectOk(outcome)).toEqual({});
    expect(emitted(outcome, "message:new")[0]).toMatchObject({
      to: { channel: dev.id },
      payload: { seq: seq + 3, kind: "delete", meta: { targetSeq: seq } },
    });
    // No copy of the text survives anywhere in the store.
    expect(stored(t).filter((m) => m.text.includes("secret"))).toEqual([]);
    expect(t.store.snapshot().reactions.size).toBe(0);
    const { messages } = await t.runOk(bob, "history:read", { target: "#dev" });
    const tombstone = messages.find((m) => m.seq === seq);
    expect(tombstone).toMatchObject({ text: "", meta: {}, deleted: true, version: seq + 3 });
    expect(tombstone).not.toHaveProperty("editedAt");
    expect(tombstone).not.toHaveProperty("reactions");
    // Nobody else's deletion: nothing to audit.
    expect(t.store.snapshot().audit.filter((a) => a.action === "message.delete")).toEqual([]);
  });

  it("lets an operator and an admin delete someone else's line, each audited with who and which line", async () => {
    const t = createTestDomain();
    const { root, alice, bob } = await devChannel(t);
    const first = await say(t, bob, "spam");
    const second = await say(t, bob, "more spam");
    await t.runOk(alice, "message:delete", { target: "#dev", seq: first });
    await t.runOk(root, "message:delete", { target: "#dev", seq: second });
    const audit = t.store.snapshot().audit.filter((a) => a.action === "message.delete");
    expect(audit.map((a) => [a.actorName, a.channelName, a.targetName, a.detail])).toEqual([
      ["alice", "#dev", "bob", `seq ${first}`],
      ["root", "#dev", "bob", `seq ${second}`],
    ]);
  });

  it("refuses a member deleting someone else's line or a system line, a second deletion, and change entries", async () => {
    const t = createTestDomain();
    const { alice, bob, carol } = await devChannel(t);
    const seq = await say(t, alice, "keep me");
    const own = await say(t, bob, "mine");
    await t.runOk(bob, "message:delete", { target: "#dev", seq: own });
    const before = t.store.snapshot();
    const del = (actor: UserActor, at: number) => t.run(actor, "message:delete", { target: "#dev", seq: at });
    expect(codeOf(await del(bob, seq))).toBe("FORBIDDEN");
    expect(codeOf(await del(bob, 2))).toBe("FORBIDDEN"); // bob's own join line
    expect(codeOf(await del(bob, own))).toBe("MESSAGE_DELETED");
    expect(codeOf(await del(alice, own + 1))).toBe("NO_SUCH_MESSAGE");
    expect(codeOf(await del(alice, 999_999))).toBe("NO_SUCH_MESSAGE");
    expect(codeOf(await del(carol, seq))).toBe("NOT_A_MEMBER");
    expect(t.store.snapshot()).toEqual(before);
    // An operator may remove a system line.
    expect(codeOf(await del(alice, 2))).toBe("ok");
  });

  it("tells replies their original is gone", async () => {
    const t = createTestDomain();
    const { alice, bob } = await devChannel(t);
    const seq = await say(t, alice, "the question");
    await t.runOk(bob, "message:send", { target: "#dev", text: "the answer", replyTo: seq });
    await t.runOk(alice, "message:delete", { target: "#dev", seq });
    const { messages } = await t.runOk(bob, "history:read", { target: "#dev" });
    expect(messages.find((m) => m.text === "the answer")?.replyTo).toEqual({
      seq,
      author: { id: alice.userId, name: "alice" },
      excerpt: "",
      deleted: true,
      version: seq + 2,
    });
  });
});
