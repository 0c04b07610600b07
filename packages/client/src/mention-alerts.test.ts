import { defaultUserSettings, type UserSettings } from "@canaduck/contract";
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

  it("follows the user's level for each conversation: every line, mentions only, nothing, or muted", () => {
    const lines = {
      type: "messages" as const,
      channelId: "c-#dev",
      messages: [textMessage("c-#dev", 3, "bob", "hey @alice"), textMessage("c-#dev", 4, "bob", "lunch?")],
    };
    const psst = { type: "messages" as const, channelId: "d-bob", messages: [textMessage("d-bob", 1, "bob", "psst")] };
    const { seen } = newMentions({}, stateOf(session, history));
    const withSettings = (conversations: UserSettings["conversations"]) =>
      newMentions(
        seen,
        stateOf(
          session,
          history,
          { type: "settings", settings: { ...defaultUserSettings, conversations } },
          lines,
          psst,
        ),
      ).alerts.map((a) => a.body);
    expect(withSettings({})).toEqual(["hey @alice", "psst"]);
    expect(withSettings({ "c-#dev": { level: "all", muted: false } })).toEqual(["hey @alice", "lunch?", "psst"]);
    expect(withSettings({ "c-#dev": { level: "none", muted: false } })).toEqual(["psst"]);
    expect(
      withSettings({ "c-#dev": { level: "all", muted: true }, "d-bob": { level: "mentions", muted: true } }),
    ).toEqual([]);
  });
});
