import { initialState, type ChannelState, type ChatState } from "@canaduck/client";
import type { Message } from "@canaduck/contract";
import { describe, expect, it } from "vitest";
import { adjacentChannel, filterEntries, nextUnread, sidebarEntries } from "./channel-nav";
import { errorText } from "./error-text";
import { localTokenStore } from "./local-token-store";
import { newMentions } from "./mention-alerts";
import { typingText } from "./typing-text";

const channel = (id: string, name: string, extra: Partial<ChannelState> = {}): ChannelState => ({
  view: { id, name, kind: "channel", topic: "", inviteOnly: false, memberCount: 2, lastSeq: 0, role: "member" },
  target: name,
  messages: [],
  cursor: 0,
  hasOlder: false,
  unread: 0,
  mentions: 0,
  members: null,
  typing: {},
  ...extra,
});
const said = (seq: number, author: string, text: string): Message => ({
  id: `m${seq}`,
  channelId: "c1",
  seq,
  kind: "text",
  author: { id: author, name: author },
  text,
  meta: {},
  createdAt: "2026-11-24T10:00:00.000Z",
});
const state = (channels: ChannelState[], extra: Partial<ChatState> = {}): ChatState => ({
  ...initialState,
  me: { id: "bob", name: "bob", isAdmin: false },
  channels: Object.fromEntries(channels.map((c) => [c.view.id, c])),
  order: channels.map((c) => c.view.id),
  activeId: channels[0]?.view.id ?? null,
  ...extra,
});

describe("channel navigation", () => {
  it("moves up and down the sidebar, wrapping around", () => {
    expect(adjacentChannel(["a", "b", "c"], "a", 1)).toBe("b");
    expect(adjacentChannel(["a", "b", "c"], "a", -1)).toBe("c");
    expect(adjacentChannel(["a", "b", "c"], "c", 1)).toBe("a");
    expect(adjacentChannel([], null, 1)).toBeNull();
  });

  it("finds the next conversation with unread lines", () => {
    const s = state([channel("a", "#a"), channel("b", "#b"), channel("c", "#c", { unread: 2 })]);
    expect(nextUnread(s)).toBe("c");
    expect(nextUnread(state([channel("a", "#a")]))).toBeNull();
  });

  it("filters the quick switcher by name, prefix matches first", () => {
    const entries = sidebarEntries(state([channel("a", "#random"), channel("b", "#dev"), channel("c", "#devops")]));
    expect(filterEntries(entries, "dev").map((e) => e.name)).toEqual(["#dev", "#devops"]);
    expect(filterEntries(entries, "ops").map((e) => e.name)).toEqual(["#devops"]);
    expect(filterEntries(entries, "")).toHaveLength(3);
  });
});

describe("mention notifications", () => {
  it("reports new lines from others that name me, not my own, not a first load", () => {
    const before = state([channel("c1", "#dev", { messages: [said(1, "ann", "hi")] })], { activeId: null });
    const after = state([channel("c1", "#dev", { messages: [said(1, "ann", "hi"), said(2, "ann", "bob: look"), said(3, "bob", "bob here"), said(4, "ann", "no one")] })]);
    expect(newMentions(before, after)).toEqual([{ channelId: "c1", title: "ann in #dev", body: "bob: look" }]);
    const firstLoad = state([channel("c1", "#dev")]);
    expect(newMentions(firstLoad, after)).toEqual([]);
  });
});

describe("plain-word texts", () => {
  it("says who is typing", () => {
    expect(typingText([])).toBe("");
    expect(typingText(["bob"])).toBe("bob is typing…");
    expect(typingText(["zed", "ann"])).toBe("ann and zed are typing…");
    expect(typingText(["a", "b", "c", "d"])).toBe("Several people are typing…");
  });

  it("heads an error by its code and keeps the server's detail", () => {
    expect(errorText({ code: "BANNED", message: "You are banned from #ops." })).toEqual({ headline: "Banned.", detail: "You are banned from #ops." });
    expect(errorText({ code: "SOMETHING_NEW", message: "Odd." }).headline).toBe("That did not work.");
  });
});

describe("localTokenStore", () => {
  it("keeps the token across instances (a reload) and forgets it on clear", () => {
    localStorage.clear();
    localTokenStore().save("tok");
    expect(localTokenStore().load()).toBe("tok");
    localTokenStore().clear();
    expect(localTokenStore().load()).toBeNull();
  });
});
