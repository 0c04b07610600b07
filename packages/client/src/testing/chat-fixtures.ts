import type { ChannelView, Message } from "@canaduck/contract";
import { chatReducer, type ChatAction } from "../reducer";
import { initialState, type ChatState } from "../state";

/** Builds chat states through the reducer, the way a session would. */
export const stateOf = (...actions: ChatAction[]): ChatState => actions.reduce(chatReducer, initialState);

export const me = { id: "u-alice", name: "alice", isAdmin: false };

export const channelView = (name: string, over: Partial<ChannelView> = {}): ChannelView => ({
  id: `c-${name}`,
  name,
  kind: "channel",
  topic: "",
  inviteOnly: false,
  memberCount: 2,
  lastSeq: 0,
  role: "member",
  readSeq: over.lastSeq ?? 0,
  unread: 0,
  mentions: 0,
  ...over,
});

export const directView = (peer: string, over: Partial<ChannelView> = {}): ChannelView =>
  channelView(`dm:u-alice:u-${peer}`, {
    id: `d-${peer}`,
    kind: "direct",
    inviteOnly: true,
    peer: { id: `u-${peer}`, name: peer },
    ...over,
  });

export const textMessage = (
  channelId: string,
  seq: number,
  author: string,
  text: string,
  over: Partial<Message> = {},
): Message => ({
  id: `${channelId}-${seq}`,
  channelId,
  seq,
  kind: "text",
  author: { id: `u-${author}`, name: author },
  text,
  meta: {},
  createdAt: new Date(Date.UTC(2026, 10, 24, 9, 0, seq)).toISOString(),
  version: seq,
  ...over,
});

/** A change entry (edit, delete, react, unreact) by `author` to the line `targetSeq`. */
export const changeEntry = (
  channelId: string,
  seq: number,
  kind: "edit" | "delete" | "react" | "unreact" | "preview",
  author: string,
  targetSeq: number,
  over: Partial<Message> = {},
): Message => ({
  ...textMessage(channelId, seq, author, "", over),
  kind,
  meta: { targetSeq, ...(over.meta ?? {}) },
});
