import { conversationList, initialState, type ChannelState, type ChatState } from "@canaduck/client";
import { describe, expect, it } from "vitest";
import { filterEntries } from "./channel-nav";
import { localTokenStore } from "./local-token-store";

const channel = (id: string, name: string, extra: Partial<ChannelState> = {}): ChannelState => ({
  view: {
    id,
    name,
    kind: "channel",
    topic: "",
    inviteOnly: false,
    memberCount: 2,
    lastSeq: 0,
    role: "member",
    readSeq: 0,
    unread: 0,
    mentions: 0,
  },
  target: name,
  messages: [],
  cursor: 0,
  ahead: [],
  hasOlder: false,
  readSeq: 0,
  unread: 0,
  mentions: 0,
  countedTo: 0,
  members: null,
  window: null,
  typing: {},
  ...extra,
});
const state = (channels: ChannelState[], extra: Partial<ChatState> = {}): ChatState => ({
  ...initialState,
  me: { id: "bob", name: "bob", isAdmin: false },
  channels: Object.fromEntries(channels.map((c) => [c.view.id, c])),
  order: channels.map((c) => c.view.id),
  activeId: channels[0]?.view.id ?? null,
  ...extra,
});

describe("the quick switcher", () => {
  it("filters by name, prefix matches first", () => {
    const entries = conversationList(state([channel("a", "#random"), channel("b", "#dev"), channel("c", "#devops")]));
    expect(filterEntries(entries, "dev").map((e) => e.name)).toEqual(["#dev", "#devops"]);
    expect(filterEntries(entries, "#OPS").map((e) => e.name)).toEqual(["#devops"]);
    expect(filterEntries(entries, "")).toHaveLength(3);
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
