import { describe, expect, it } from "vitest";
import { isUnreadDividerAt, lastOwnLine, lineFromBottom, overLimitBy, visibleLines } from "./lines";
import type { ChannelState } from "./state";
import { channelView, stateOf, textMessage, me } from "./testing/chat-fixtures";

const C = "c-#dev";
const lines = [
  textMessage(C, 1, "alice", "mine, older"),
  textMessage(C, 2, "bob", "his"),
  textMessage(C, 3, "alice", "deleted", { deleted: true, text: "" }),
  textMessage(C, 4, "bob", "", { kind: "join" }),
  textMessage(C, 5, "bob", "waves", { kind: "action" }),
];
const channel = (over: Partial<ChannelState> = {}): ChannelState => {
  const state = stateOf(
    { type: "session", me, channels: [channelView("#dev", { lastSeq: 5, readSeq: 2, unread: 1 })] },
    { type: "messages", channelId: C, messages: lines, page: "latest", hasMore: false },
  );
  return { ...(state.channels[C] as ChannelState), ...over };
};

describe("lines the commands are about", () => {
  it("counts said lines from the bottom, skipping system lines and deleted ones", () => {
    expect(lineFromBottom(channel(), 1)?.seq).toBe(5);
    expect(lineFromBottom(channel(), 2)?.seq).toBe(2);
    expect(lineFromBottom(channel(), 3)?.seq).toBe(1);
    expect(lineFromBottom(channel(), 4)).toBeNull();
    expect(lineFromBottom(channel(), 0)).toBeNull();
  });

  it("finds the user's own last line that is still there", () => {
    expect(lastOwnLine(channel(), me.id)?.seq).toBe(1);
    expect(lastOwnLine(channel(), "u-nobody")).toBeNull();
  });

  it("shows and counts in a jump's window while one is open", () => {
    const window = { focusSeq: 9, messages: [textMessage(C, 9, "carol", "far")], hasOlder: true, hasNewer: true };
    expect(visibleLines(channel({ window })).map((m) => m.seq)).toEqual([9]);
    expect(lineFromBottom(channel({ window }), 1)?.seq).toBe(9);
  });
});

describe("the new messages divider", () => {
  it("sits before the first line after the read marker while something is unread", () => {
    const c = channel();
    expect(lines.map((_, i) => isUnreadDividerAt(c, i))).toEqual([false, false, true, false, false]);
    expect(lines.map((_, i) => isUnreadDividerAt({ ...c, unread: 0 }, i))).toEqual(lines.map(() => false));
  });
});

describe("text over the length limit", () => {
  it("says how many characters to cut", () => {
    expect(overLimitBy("x".repeat(4000))).toBe(0);
    expect(overLimitBy("x".repeat(4012))).toBe(12);
  });
});
