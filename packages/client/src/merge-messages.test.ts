import { describe, expect, it } from "vitest";
import { mergeMessages, type Loaded } from "./merge-messages";
import { changeEntry, textMessage } from "./testing/chat-fixtures";

const msg = (seq: number) => textMessage("c", seq, "ann", `line ${seq}`);
const empty: Loaded = { messages: [], cursor: 0, ahead: [] };
const merge = (loaded: Loaded, arriving: Parameters<typeof mergeMessages>[1], replace = false) =>
  mergeMessages(loaded, arriving, { replace, meId: "u-alice" });

describe("mergeMessages", () => {
  it("keeps lines in seq order and drops a line seen twice", () => {
    const once = merge(empty, [msg(2), msg(1)]);
    const twice = merge(once, [msg(1), msg(3)]);
    expect(twice.messages.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(twice.added.map((m) => m.seq)).toEqual([3]);
    expect(twice.cursor).toBe(3);
  });

  it("puts an older page before the held lines, newer ones after, and lines between them in place, keeping held objects", () => {
    const held = merge(empty, [msg(10), msg(12), msg(14)]);
    const older = merge(held, [msg(7), msg(8), msg(8)]);
    expect(older.messages.map((m) => m.seq)).toEqual([7, 8, 10, 12, 14]);
    expect(older.messages.slice(2)).toEqual(held.messages);
    expect(older.messages[2]).toBe(held.messages[0]);
    const between = merge(older, [msg(16), msg(11), msg(13), msg(9)]);
    expect(between.messages.map((m) => m.seq)).toEqual([7, 8, 9, 10, 11, 12, 13, 14, 16]);
    expect(between.added.map((m) => m.seq)).toEqual([9, 11, 13, 16]);
  });

  it("replaces a held line by a copy with a higher version, never by an older copy", () => {
    const held = merge(empty, [textMessage("c", 1, "ann", "new", { version: 5 })]);
    const older = merge(held, [textMessage("c", 1, "ann", "old", { version: 1 })]);
    expect(older.messages[0]?.text).toBe("new");
    const newer = merge(held, [textMessage("c", 1, "ann", "newest", { version: 7 })]);
    expect(newer.messages[0]?.text).toBe("newest");
    expect(newer.added).toEqual([]);
  });

  it("leaves the cursor before a gap, keeps what is beyond it ahead, and passes it once filled", () => {
    const gapped = merge(empty, [msg(1), msg(2), msg(5)]);
    expect(gapped.cursor).toBe(2);
    expect(gapped.ahead).toEqual([5]);
    const filled = merge(gapped, [msg(3), changeEntry("c", 4, "react", "bob", 1, { meta: { emoji: "👍" } })]);
    expect(filled.cursor).toBe(5);
    expect(filled.ahead).toEqual([]);
  });

  it("applies change entries without keeping them, and the cursor passes over them", () => {
    const merged = merge(empty, [msg(1), changeEntry("c", 2, "edit", "ann", 1, { text: "fixed" })]);
    expect(merged.messages.map((m) => [m.seq, m.text, m.version])).toEqual([[1, "fixed", 2]]);
    expect(merged.cursor).toBe(2);
    expect(merged.changed).toHaveLength(1);
  });

  it("moves the cursor to the newest entry of a latest page and drops held lines older than it", () => {
    const held = merge(empty, [msg(1), msg(2)]);
    const latest = merge(held, [msg(40), changeEntry("c", 41, "delete", "ann", 40)], true);
    expect(latest.cursor).toBe(41);
    expect(latest.messages.map((m) => [m.seq, m.deleted])).toEqual([[40, true]]);
  });
});
