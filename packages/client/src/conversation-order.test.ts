import { defaultUserSettings } from "@canaduck/contract";
import { describe, expect, it } from "vitest";
import { conversationList, conversationNumbered, nextUnread, stepConversation } from "./conversation-order";
import { channelView, directView, me, stateOf, textMessage } from "./testing/chat-fixtures";

describe("conversation order", () => {
  const state = stateOf({
    type: "session",
    me,
    channels: [directView("bob"), channelView("#dev"), channelView("#ops")],
  });
  const entries = conversationList(state);

  it("lists channels first, then conversations by the peer's nick, numbered", () => {
    expect(entries.map((e) => `${e.number} ${e.name} ${e.kind}`)).toEqual([
      "1 #dev channel",
      "2 #ops channel",
      "3 bob direct",
    ]);
  });

  it("picks by number", () => {
    expect(conversationNumbered(entries, 3)).toBe("d-bob");
    expect(conversationNumbered(entries, 9)).toBeNull();
  });

  it("steps to the next / previous in list order, wrapping around", () => {
    expect(stepConversation(entries, "c-#dev", 1)).toBe("c-#ops");
    expect(stepConversation(entries, "c-#ops", 1)).toBe("d-bob");
    expect(stepConversation(entries, "d-bob", 1)).toBe("c-#dev");
    expect(stepConversation(entries, "c-#dev", -1)).toBe("d-bob");
    expect(stepConversation(entries, null, 1)).toBe("c-#dev");
    expect(stepConversation(entries, null, -1)).toBe("d-bob");
    expect(stepConversation([], null, 1)).toBeNull();
  });

  it("finds the next conversation with unread lines, after the open one in list order", () => {
    const unread = stateOf(
      { type: "session", me, channels: [directView("bob"), channelView("#dev"), channelView("#ops")] },
      { type: "select", channelId: "c-#ops" },
      { type: "messages", channelId: "d-bob", messages: [textMessage("d-bob", 1, "bob", "psst")] },
      { type: "messages", channelId: "c-#dev", messages: [textMessage("c-#dev", 1, "bob", "hi")] },
    );
    const list = conversationList(unread);
    expect(nextUnread(list, "c-#ops")).toBe("d-bob");
    expect(nextUnread(list, "d-bob")).toBe("c-#dev");
    expect(nextUnread(conversationList(state), "c-#dev")).toBeNull();
  });

  it("counts only mentions in a muted conversation, and says it is muted", () => {
    const muted = stateOf(
      { type: "session", me, channels: [channelView("#dev")] },
      {
        type: "settings",
        settings: { ...defaultUserSettings, conversations: { "c-#dev": { level: "mentions", muted: true } } },
      },
      {
        type: "messages",
        channelId: "c-#dev",
        messages: [textMessage("c-#dev", 1, "bob", "hi"), textMessage("c-#dev", 2, "bob", "alice: look")],
      },
    );
    expect(conversationList(muted)).toEqual([expect.objectContaining({ unread: 0, mentions: 1, muted: true })]);
    expect(nextUnread(conversationList(muted), null)).toBeNull();
  });
});
