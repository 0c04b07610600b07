import { describe, expect, it } from "vitest";
import { codeOf, createTestDomain, devChannel, effectNames, emitted, expectOk, type TestDomain } from "../testing";
import type { UserActor } from "../actor";

const say = async (t: TestDomain, actor: UserActor, text: string) =>
  (await t.runOk(actor, "message:send", { target: "#dev", text })).message.seq;
const page = async (t: TestDomain, actor: UserActor) =>
  (await t.runOk(actor, "history:read", { target: "#dev" })).messages;

describe("message:edit", () => {
  it("changes the author's line for everyone: an edit entry in the log, the line edited in history", async () => {
    const t = createTestDomain();
    const { alice, bob, dev } = await devChannel(t);
    const seq = await say(t, alice, "helo");
    t.clock.advance(5_000);
    const outcome = await t.run(alice, "message:edit", { target: "#dev", seq, text: "hello" });
    const edited = expectOk(outcome).message;
    expect(edited).toMatchObject({ seq, text: "hello", version: seq + 1, editedAt: "2025-01-01T12:00:05.000Z" });
    expect(effectNames(outcome.effects)).toEqual(["emit message:new"]);
    expect(emitted(outcome, "message:new")[0]).toMatchObject({
      to: { channel: dev.id },
      payload: { seq: seq + 1, kind: "edit", text: "hello", meta: { targetSeq: seq }, author: { name: "alice" } },
    });
    const seen = await page(t, bob);
    expect(seen.find((m) => m.seq === seq)).toMatchObject({
      text: "hello",
      version: seq + 1,
      editedAt: edited.editedAt,
    });
    expect(seen.at(-1)).toMatchObject({ seq: seq + 1, kind: "edit" });
  });

  it("edits a /me line too, and keeps it an action", async () => {
    const t = createTestDomain();
    const { alice } = await devChannel(t);
    const { message } = await t.runOk(alice, "message:send", { target: "#dev", text: "waves", action: true });
    const edited = await t.runOk(alice, "message:edit", { target: "#dev", seq: message.seq, text: "waves back" });
    expect(edited.message).toMatchObject({ kind: "action", text: "waves back" });
  });

  it("refuses someone else's line, a system line, a deleted one, a change entry and a missing seq, changing nothing", async () => {
    const t = createTestDomain();
    const { alice, bob, root } = await devChannel(t);
    const seq = await say(t, alice, "mine");
    const gone = await say(t, alice, "soon gone");
    await t.runOk(alice, "message:delete", { target: "#dev", seq: gone });
    const before = t.store.snapshot();
    const edit = (actor: UserActor, at: number) => t.run(actor, "message:edit", { target: "#dev", seq: at, text: "x" });
    expect(codeOf(await edit(bob, seq))).toBe("FORBIDDEN");
    expect(codeOf(await edit(alice, 1))).toBe("NOT_EDITABLE"); // alice's own join line
    expect(codeOf(await edit(alice, gone))).toBe("MESSAGE_DELETED");
    expect(codeOf(await edit(alice, gone + 1))).toBe("NO_SUCH_MESSAGE"); // the delete entry
    expect(codeOf(await edit(alice, 999_999))).toBe("NO_SUCH_MESSAGE");
    expect(codeOf(await edit(root, seq))).toBe("NOT_A_MEMBER");
    expect(codeOf(await t.run(alice, "message:edit", { target: "#dev", seq: 0, text: "x" }))).toBe("INVALID_PAYLOAD");
    expect(t.store.snapshot()).toEqual(before);
  });

  it("refuses a line older than the configured window, and only then", async () => {
    const t = createTestDomain({ editWindowMs: 60_000 });
    const { alice } = await devChannel(t);
    const seq = await say(t, alice, "typo");
    t.clock.advance(60_000);
    expect(codeOf(await t.run(alice, "message:edit", { target: "#dev", seq, text: "fixed" }))).toBe("ok");
    t.clock.advance(1);
    expect(codeOf(await t.run(alice, "message:edit", { target: "#dev", seq, text: "again" }))).toBe("NOT_EDITABLE");
  });

  it("edits a line of a direct conversation, named by the peer's nick", async () => {
    const t = createTestDomain();
    const { alice, bob } = await devChannel(t);
    const { message } = await t.runOk(alice, "message:send", { target: "bob", text: "psst" });
    await t.runOk(alice, "message:edit", { target: "bob", seq: message.seq, text: "hey" });
    const { messages } = await t.runOk(bob, "history:read", { target: "alice" });
    expect(messages[0]).toMatchObject({ text: "hey", editedAt: expect.any(String) as unknown });
    expect(codeOf(await t.run(alice, "message:edit", { target: "carol", seq: 1, text: "x" }))).toBe("NO_SUCH_MESSAGE");
  });
});
