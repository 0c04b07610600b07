import { limits } from "@canaduck/contract";
import { describe, expect, it } from "vitest";
import type { UserActor } from "../actor";
import { codeOf, createTestDomain, devChannel, emitted, type TestDomain } from "../testing";

const say = async (t: TestDomain, actor: UserActor, text: string) =>
  (await t.runOk(actor, "message:send", { target: "#dev", text })).message.seq;
const lineAt = async (t: TestDomain, actor: UserActor, seq: number) =>
  (await t.runOk(actor, "history:read", { target: "#dev" })).messages.find((m) => m.seq === seq);

describe("message:react", () => {
  it("adds a reaction everyone sees, aggregated per emoji in the order they were first used", async () => {
    const t = createTestDomain();
    const { alice, bob, dev } = await devChannel(t);
    const seq = await say(t, alice, "ship it?");
    const outcome = await t.run(bob, "message:react", { target: "#dev", seq, emoji: "👍" });
    expect(emitted(outcome, "message:new")).toMatchObject([
      { to: { channel: dev.id }, payload: { seq: seq + 1, kind: "react", meta: { targetSeq: seq, emoji: "👍" } } },
    ]);
    await t.runOk(alice, "message:react", { target: "#dev", seq, emoji: "🎉" });
    await t.runOk(alice, "message:react", { target: "#dev", seq, emoji: "👍" });
    const bob1 = { id: bob.userId, name: "bob", seq: seq + 1 };
    const alice3 = { id: alice.userId, name: "alice", seq: seq + 3 };
    expect(await lineAt(t, bob, seq)).toMatchObject({
      version: seq + 3,
      reactions: [
        { emoji: "👍", count: 2, me: true, users: [bob1, alice3] },
        { emoji: "🎉", count: 1, me: false, users: [{ id: alice.userId, name: "alice", seq: seq + 2 }] },
      ],
    });
  });

  it("refuses the same emoji twice, a non-emoji, a system line, a deleted line and an unknown seq", async () => {
    const t = createTestDomain();
    const { alice, bob } = await devChannel(t);
    const seq = await say(t, alice, "hi");
    const gone = await say(t, alice, "bye");
    await t.runOk(bob, "message:react", { target: "#dev", seq, emoji: "👍" });
    await t.runOk(alice, "message:delete", { target: "#dev", seq: gone });
    const before = t.store.snapshot();
    const react = (at: number, emoji = "👍") => t.run(bob, "message:react", { target: "#dev", seq: at, emoji });
    expect(codeOf(await react(seq))).toBe("ALREADY_REACTED");
    expect(codeOf(await react(seq, "lol"))).toBe("INVALID_PAYLOAD");
    expect(codeOf(await react(seq, "👍👍"))).toBe("INVALID_PAYLOAD");
    expect(codeOf(await react(1))).toBe("NOT_EDITABLE");
    expect(codeOf(await react(gone))).toBe("MESSAGE_DELETED");
    expect(codeOf(await react(gone + 1))).toBe("NO_SUCH_MESSAGE"); // bob's react entry
    expect(codeOf(await react(999_999))).toBe("NO_SUCH_MESSAGE");
    expect(t.store.snapshot()).toEqual(before);
  });

  it(`refuses a new emoji beyond ${limits.reactionsPerMessageMax} on one line, but not one already there`, async () => {
    const t = createTestDomain();
    const { alice, bob } = await devChannel(t);
    const seq = await say(t, alice, "vote");
    const emoji = [..."😀😁😂🤣😃😄😅😆😉😊😋😎😍😘🥰😗😙🥲😚🙂"];
    expect(emoji).toHaveLength(limits.reactionsPerMessageMax);
    for (const e of emoji) await t.runOk(alice, "message:react", { target: "#dev", seq, emoji: e });
    expect(codeOf(await t.run(bob, "message:react", { target: "#dev", seq, emoji: "🤔" }))).toBe("TOO_MANY_REACTIONS");
    expect(codeOf(await t.run(bob, "message:react", { target: "#dev", seq, emoji: "😀" }))).toBe("ok");
  });
});

describe("message:unreact", () => {
  it("takes the reaction back; the emoji disappears with its last reactor", async () => {
    const t = createTestDomain();
    const { alice, bob, dev } = await devChannel(t);
    const seq = await say(t, alice, "hi");
    await t.runOk(bob, "message:react", { target: "#dev", seq, emoji: "👍" });
    const outcome = await t.run(bob, "message:unreact", { target: "#dev", seq, emoji: "👍" });
    expect(emitted(outcome, "message:new")).toMatchObject([
      { to: { channel: dev.id }, payload: { kind: "unreact", meta: { targetSeq: seq, emoji: "👍" } } },
    ]);
    const line = await lineAt(t, alice, seq);
    expect(line).not.toHaveProperty("reactions");
    expect(line?.version).toBe(seq + 2);
  });

  it("refuses a reaction that is not there, changing nothing", async () => {
    const t = createTestDomain();
    const { alice, bob } = await devChannel(t);
    const seq = await say(t, alice, "hi");
    await t.runOk(alice, "message:react", { target: "#dev", seq, emoji: "👍" });
    const before = t.store.snapshot();
    expect(codeOf(await t.run(bob, "message:unreact", { target: "#dev", seq, emoji: "👍" }))).toBe("NOT_REACTED");
    expect(codeOf(await t.run(bob, "message:unreact", { target: "#dev", seq: 999, emoji: "👍" }))).toBe(
      "NO_SUCH_MESSAGE",
    );
    expect(t.store.snapshot()).toEqual(before);
  });
});
