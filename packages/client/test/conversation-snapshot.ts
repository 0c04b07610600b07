import type { Message } from "@canaduck/contract";
import type { ChatState } from "../src/state";

/** What a user sees of one line: every field a history page gives in its current state. */
const lineView = (m: Message) => ({
  seq: m.seq,
  kind: m.kind,
  text: m.text,
  author: m.author,
  meta: m.meta,
  version: m.version,
  editedAt: m.editedAt ?? null,
  deleted: m.deleted ?? false,
  reactions: m.reactions ?? [],
  replyTo: m.replyTo ?? null,
});

/**
 * What the user sees of every conversation, for the lines from `from(channelId)` on (a fresh
 * client's loaded range): comparable with toEqual between two clients of the same user.
 */
export function conversationSnapshot(state: ChatState, from: (channelId: string) => number) {
  const ids = Object.keys(state.channels).sort();
  return {
    me: state.me,
    conversations: ids.map((id) => {
      const c = state.channels[id];
      if (!c) return null;
      const first = from(id);
      return {
        id,
        target: c.target,
        topic: c.view.topic,
        inviteOnly: c.view.inviteOnly,
        memberCount: c.view.memberCount,
        role: c.view.role,
        readSeq: c.readSeq,
        unread: c.unread,
        mentions: c.mentions,
        lines: c.messages.filter((m) => m.seq >= first).map(lineView),
      };
    }),
  };
}

/** Where a fresh client's loaded lines start in each conversation (everything, when it loaded none). */
export const loadedFrom =
  (fresh: ChatState) =>
  (channelId: string): number =>
    fresh.channels[channelId]?.messages[0]?.seq ?? 0;
