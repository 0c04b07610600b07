import { describe, expect, it } from "vitest";
import { applyChange, applyChangeToLines } from "./apply-change";
import { changeEntry, textMessage } from "./testing/chat-fixtures";

const line = textMessage("c", 1, "bob", "hello there");
const react = (seq: number, who: string, emoji: string) => changeEntry("c", seq, "react", who, 1, { meta: { emoji } });
const unreact = (seq: number, who: string, emoji: string) =>
  changeEntry("c", seq, "unreact", who, 1, { meta: { emoji } });

describe("applying a change entry to a line", () => {
  it("edits the text and marks it edited at the edit's time", () => {
    const edit = changeEntry("c", 2, "edit", "bob", 1, { text: "hello world" });
    expect(applyChange(line, edit, "u-alice")).toMatchObject({
      text: "hello world",
      editedAt: edit.createdAt,
      version: 2,
    });
  });

  it("puts a preview in the line's meta, beside what it held, and takes it away with a deletion", () => {
    const preview = { url: "https://example.org/", title: "Example" };
    const shown = applyChange(line, changeEntry("c", 2, "preview", "bob", 1, { meta: { preview } }), null);
    expect([shown.meta.preview, shown.version, shown.text]).toEqual([preview, 2, "hello there"]);
    expect(applyChange(shown, changeEntry("c", 3, "delete", "bob", 1), null).meta).toEqual({});
  });

  it("leaves the line alone when the change is already in it (its version is as new)", () => {
    const held = { ...line, version: 5, text: "newer" };
    expect(applyChange(held, changeEntry("c", 3, "edit", "bob", 1, { text: "stale" }), null)).toBe(held);
  });

  it("makes a deletion a tombstone without text, meta, reactions or edited mark", () => {
    const reacted = applyChange(
      applyChange(line, changeEntry("c", 2, "edit", "bob", 1, { text: "x" }), null),
      react(3, "carol", "👍"),
      null,
    );
    const deleted = applyChange(reacted, changeEntry("c", 4, "delete", "bob", 1), null);
    expect(deleted).toMatchObject({ text: "", meta: {}, deleted: true, version: 4 });
    expect(deleted.reactions).toBeUndefined();
    expect(deleted.editedAt).toBeUndefined();
  });

  it("aggregates reactions as the server does: emoji by first reactor, count, who, and whether I reacted", () => {
    let l = line;
    l = applyChange(l, react(2, "bob", "🎉"), "u-alice");
    l = applyChange(l, react(3, "alice", "👍"), "u-alice");
    l = applyChange(l, react(4, "carol", "🎉"), "u-alice");
    expect(l.reactions).toEqual([
      {
        emoji: "🎉",
        count: 2,
        me: false,
        users: [
          { id: "u-bob", name: "bob", seq: 2 },
          { id: "u-carol", name: "carol", seq: 4 },
        ],
      },
      { emoji: "👍", count: 1, me: true, users: [{ id: "u-alice", name: "alice", seq: 3 }] },
    ]);
    // Bob takes his 🎉 back: 🎉's first reactor is now carol (seq 4), after alice's 👍 (seq 3).
    l = applyChange(l, unreact(5, "bob", "🎉"), "u-alice");
    expect(l.reactions?.map((r) => [r.emoji, r.count])).toEqual([
      ["👍", 1],
      ["🎉", 1],
    ]);
    l = applyChange(l, unreact(6, "alice", "👍"), "u-alice");
    l = applyChange(l, unreact(7, "carol", "🎉"), "u-alice");
    expect(l.reactions).toBeUndefined();
    expect(l.version).toBe(7);
  });

  it("keeps replies' summaries of the original in step: edited excerpt, deletion, version", () => {
    const reply = textMessage("c", 2, "carol", "indeed", {
      replyTo: { seq: 1, author: { id: "u-bob", name: "bob" }, excerpt: "hello there", deleted: false, version: 1 },
    });
    let lines = applyChangeToLines(
      [line, reply],
      changeEntry("c", 3, "edit", "bob", 1, { text: "hello   world" }),
      null,
    );
    expect(lines[1]?.replyTo).toMatchObject({ excerpt: "hello world", version: 3, deleted: false });
    lines = applyChangeToLines(lines, react(4, "dave", "👍"), null);
    expect(lines[1]?.replyTo?.version).toBe(4);
    lines = applyChangeToLines(lines, changeEntry("c", 5, "delete", "bob", 1), null);
    expect(lines[1]?.replyTo).toMatchObject({ excerpt: "", deleted: true, version: 5 });
    expect(lines[1]?.text).toBe("indeed");
  });
});
