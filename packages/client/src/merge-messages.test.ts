import type { Message } from "@canaduck/contract";
import { describe, expect, it } from "vitest";
import { mergeMessages } from "./merge-messages";

const msg = (seq: number, id = `m${seq}`): Message => ({
  id,
  channelId: "c",
  seq,
  kind: "text",
  author: { id: "u", name: "ann" },
  text: `line ${seq}`,
  meta: {},
  createdAt: new Date(0).toISOString(),
});

describe("mergeMessages", () => {
  it("keeps messages in seq order and drops a message seen twice", () => {
    const once = mergeMessages({ messages: [], cursor: 0 }, [msg(2), msg(1)], false);
    const twice = mergeMessages(once, [msg(1), msg(3)], false);
    expect(twice.messages.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(twice.added.map((m) => m.seq)).toEqual([3]);
    expect(twice.cursor).toBe(3);
  });

  it("leaves the cursor before a gap until the gap is filled", () => {
    const gapped = mergeMessages({ messages: [], cursor: 0 }, [msg(1), msg(2), msg(5)], false);
    expect(gapped.cursor).toBe(2);
    const filled = mergeMessages(gapped, [msg(3), msg(4)], false);
    expect(filled.cursor).toBe(5);
  });

  it("moves the cursor to the newest message of a latest page", () => {
    const latest = mergeMessages({ messages: [], cursor: 0 }, [msg(40), msg(41)], true);
    expect(latest.cursor).toBe(41);
  });
});
