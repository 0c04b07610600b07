import { describe, expect, it } from "vitest";
import type { ChannelState } from "@canaduck/client";
import { channelView, me, stateOf, textMessage } from "@canaduck/client/testing";
import type { Message } from "@canaduck/contract";
import { gotoTarget, type GotoTarget } from "./goto-target";

const id = "c-#dev";
const replyTo = (seq: number, deleted = false): Pick<Message, "replyTo"> => ({
  replyTo: { seq, author: { id: "u-bob", name: "bob" }, excerpt: deleted ? "" : "the original", deleted, version: seq },
});

const hintOf = (target: GotoTarget) => (target.ok ? null : target.hint);

function channelWith(messages: Message[]): ChannelState {
  const state = stateOf(
    { type: "session", me, channels: [channelView("#dev", { lastSeq: messages.at(-1)?.seq ?? 0 })] },
    { type: "messages", channelId: id, page: "latest", hasMore: true, messages },
  );
  const channel = state.channels[id];
  if (!channel) throw new Error("the fixture has #dev");
  return channel;
}

describe("where /goto jumps", () => {
  const channel = channelWith([
    textMessage(id, 10, "carol", "an old reply", replyTo(2)),
    textMessage(id, 11, "alice", "a plain line"),
    textMessage(id, 12, "bob", "the newest reply", replyTo(7)),
    textMessage(id, 13, "carol", "after it"),
  ]);

  it("without n, to the original of the newest reply shown", () => {
    expect(gotoTarget(channel)).toEqual({ ok: true, channelId: id, seq: 7 });
  });

  it("with n, to the original of the n-th said line from the bottom", () => {
    expect(gotoTarget(channel, 2)).toEqual({ ok: true, channelId: id, seq: 7 });
    expect(gotoTarget(channel, 4)).toEqual({ ok: true, channelId: id, seq: 2 });
  });

  it("says so when the line is not a reply, or there is no such line", () => {
    expect(hintOf(gotoTarget(channel, 1))).toMatch(/not a reply/);
    expect(hintOf(gotoTarget(channel, 9))).toMatch(/no line 9 here/);
  });

  it("says so when the original was deleted", () => {
    const gone = channelWith([textMessage(id, 5, "bob", "answering", replyTo(3, true))]);
    expect(gotoTarget(gone)).toEqual({ ok: false, hint: "The line that reply answers was deleted." });
  });

  it("says so when nothing shown is a reply, or no conversation is open", () => {
    const plain = channelWith([textMessage(id, 1, "bob", "hi")]);
    expect(gotoTarget(plain)).toEqual({ ok: false, hint: "There is no reply here to jump from." });
    expect(gotoTarget(null)).toMatchObject({ ok: false });
  });

  it("counts in a jump's window while one is shown, like the pane", () => {
    const inWindow: ChannelState = {
      ...channel,
      window: {
        focusSeq: 7,
        messages: [textMessage(id, 6, "bob", "older reply", replyTo(1)), textMessage(id, 7, "bob", "the original")],
        hasOlder: true,
        hasNewer: true,
      },
    };
    expect(gotoTarget(inWindow)).toEqual({ ok: true, channelId: id, seq: 1 });
    expect(hintOf(gotoTarget(inWindow, 1))).toMatch(/not a reply/);
  });
});
