import { describe, expect, it } from "vitest";
import { newMentions } from "./mention-alerts";
import { channelView, directView, me, stateOf, textMessage } from "./testing/chat-fixtures";

describe("mention alerts", () => {
  const session = { type: "session" as const, me, channels: [channelView("#dev", { lastSeq: 2 }), directView("bob")] };
  const history = {
    type: "messages" as const,
    channelId: "c-#dev",
    page: "latest" as const,
    messages: [textMessage("c-#dev", 1, "bob", "alice: old news"), textMessage("c-#dev", 2, "bob", "hi")],
  };

  it("stays quiet for history, and alerts once per new line naming me or said privately", () => {
    const start = stateOf(session, history);
    const first = newMentions({}, start);
    expect(first.alerts).toEqual([]);

    const later = stateOf(
      session,
      history,
      {
        type: "messages",
        channelId: "c-#dev",
        messages: [textMessage("c-#dev", 3, "bob", "hey @alice"), textMessage("c-#dev", 4, "bob", "alicea is not me")],
      },
      { type: "messages", channelId: "d-bob", messages: [textMessage("d-bob", 1, "bob", "psst")] },
    );
    const second = newMentions(first.seen, later);
    expect(second.alerts).toEqual([
      { channelId: "c-#dev", title: "bob in #dev", body: "hey @alice" },
      { channelId: "d-bob", title: "bob", body: "psst" },
    ]);
    expect(newMentions(second.seen, later).alerts).toEqual([]);
  });

  it("alerts for the first line of a conversation that did not exist before", () => {
    const before = stateOf({ type: "session", me, channels: [channelView("#dev")] });
    const { seen } = newMentions({}, before);
    const joined = stateOf(
      { type: "session", me, channels: [channelView("#dev")] },
      { type: "joined", channel: directView("eve") },
    );
    const afterJoin = newMentions(seen, joined);
    const said = stateOf(
      { type: "session", me, channels: [channelView("#dev")] },
      { type: "joined", channel: directView("eve") },
      { type: "messages", channelId: "d-eve", messages: [textMessage("d-eve", 1, "eve", "hello alice")] },
    );
    expect(newMentions(afterJoin.seen, said).alerts).toEqual([
      { channelId: "d-eve", title: "eve", body: "hello alice" },
    ]);
  });

  it("does not alert for my own lines", () => {
    const start = stateOf(session, history);
    const mine = stateOf(session, history, {
      type: "messages",
      channelId: "c-#dev",
      messages: [textMessage("c-#dev", 3, "alice", "alice here")],
    });
    expect(newMentions(newMentions({}, start).seen, mine).alerts).toEqual([]);
  });
});
