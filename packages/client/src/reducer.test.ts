import type { ChannelView, Message } from "@canaduck/contract";
import { describe, expect, it } from "vitest";
import { chatReducer } from "./reducer";
import { initialState, type ChatState } from "./state";

const view = (id: string, name: string, lastSeq = 0): ChannelView => ({
  id,
  name,
  kind: "channel",
  topic: "",
  inviteOnly: false,
  memberCount: 2,
  lastSeq,
  role: "member",
});
const line = (channelId: string, seq: number, author: string, text: string): Message => ({
  id: `${channelId}-${seq}`,
  channelId,
  seq,
  kind: "text",
  author: { id: author, name: author },
  text,
  meta: {},
  createdAt: new Date(0).toISOString(),
});

function loggedIn(): ChatState {
  return chatReducer(initialState, {
    type: "session",
    me: { id: "me", name: "me", isAdmin: false },
    channels: [view("a", "#a"), view("b", "#b")],
  });
}

describe("chatReducer", () => {
  it("opens the first channel and counts unread lines and mentions in the others", () => {
    let state = loggedIn();
    expect(state.activeId).toBe("a");
    state = chatReducer(state, {
      type: "messages",
      channelId: "b",
      messages: [line("b", 1, "bob", "hello"), line("b", 2, "bob", "me: look")],
    });
    expect(state.channels.b).toMatchObject({ unread: 2, mentions: 1 });
    state = chatReducer(state, { type: "messages", channelId: "a", messages: [line("a", 1, "bob", "hi me")] });
    expect(state.channels.a).toMatchObject({ unread: 0, mentions: 0 });
    state = chatReducer(state, { type: "select", channelId: "b" });
    expect(state.channels.b).toMatchObject({ unread: 0, mentions: 0 });
  });

  it("does not count my own lines, history pages, or a line received twice", () => {
    let state = loggedIn();
    state = chatReducer(state, { type: "messages", channelId: "b", messages: [line("b", 1, "me", "mine")] });
    state = chatReducer(state, { type: "messages", channelId: "b", messages: [line("b", 2, "bob", "x")] });
    state = chatReducer(state, { type: "messages", channelId: "b", messages: [line("b", 2, "bob", "x")] });
    expect(state.channels.b?.unread).toBe(1);
    expect(state.channels.b?.messages).toHaveLength(2);
  });

  it("forgets a channel the user left and moves the view elsewhere", () => {
    let state = loggedIn();
    state = chatReducer(state, { type: "left", channelId: "a" });
    expect(state.order).toEqual(["b"]);
    expect(state.activeId).toBe("b");
  });

  it("drops channels the server no longer lists after a reconnect, keeping loaded messages of the rest", () => {
    let state = loggedIn();
    state = chatReducer(state, { type: "messages", channelId: "b", messages: [line("b", 1, "bob", "kept")] });
    state = chatReducer(state, {
      type: "session",
      me: { id: "me", name: "me", isAdmin: false },
      channels: [view("b", "#b", 1)],
    });
    expect(Object.keys(state.channels)).toEqual(["b"]);
    expect(state.channels.b?.messages.map((m) => m.text)).toEqual(["kept"]);
  });

  it("shows who is typing until their message arrives", () => {
    let state = loggedIn();
    state = chatReducer(state, {
      type: "typing",
      channelId: "a",
      user: { id: "bob", name: "bob" },
      typing: true,
      now: 1000,
    });
    expect(Object.values(state.channels.a?.typing ?? {}).map((t) => t.name)).toEqual(["bob"]);
    state = chatReducer(state, { type: "messages", channelId: "a", messages: [line("a", 1, "bob", "done")] });
    expect(state.channels.a?.typing).toEqual({});
  });
});
