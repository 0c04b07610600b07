import { describe, expect, it } from "vitest";
import { channelView, directView, me, stateOf, textMessage } from "../testing/chat-fixtures";
import { newMentions } from "./mention-bell";

describe("the bell on mention", () => {
  const session = { type: "session" as const, me, channels: [channelView("#dev", { lastSeq: 2 }), directView("bob")] };
  const history = { type: "messages" as const, channelId: "c-#dev", page: "latest" as const, messages: [textMessage("c-#dev", 1, "bob", "alice: old news"), textMessage("c-#dev", 2, "bob", "hi")] };

  it("stays quiet for history, and rings once per new line naming me or said privately", () => {
    const start = stateOf(session, history);
    const first = newMentions({}, start);
    expect(first.count).toBe(0);

    const later = stateOf(
      session,
      history,
      { type: "messages", channelId: "c-#dev", messages: [textMessage("c-#dev", 3, "bob", "hey @alice"), textMessage("c-#dev", 4, "bob", "alicea is not me")] },
      { type: "messages", channelId: "d-bob", messages: [textMessage("d-bob", 1, "bob", "psst")] },
    );
    const second = newMentions(first.seen, later);
    expect(second.count).toBe(2);
    expect(newMentions(second.seen, later).count).toBe(0);
  });

  it("does not ring for my own lines", () => {
    const start = stateOf(session, history);
    const mine = stateOf(session, history, { type: "messages", channelId: "c-#dev", messages: [textMessage("c-#dev", 3, "alice", "alice here")] });
    expect(newMentions(newMentions({}, start).seen, mine).count).toBe(0);
  });
});
