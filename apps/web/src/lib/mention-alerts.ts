import { displayName, mentions, type ChatState } from "@canaduck/client";

export interface MentionAlert {
  channelId: string;
  title: string;
  body: string;
}

/**
 * Lines that mention me and arrived between two states: newer than anything the channel had
 * loaded before, said by someone else. A channel's first load is history, not news.
 */
export function newMentions(before: ChatState, after: ChatState): MentionAlert[] {
  const me = after.me;
  if (!me) return [];
  const found: MentionAlert[] = [];
  for (const [id, channel] of Object.entries(after.channels)) {
    const previous = before.channels[id];
    if (!previous || previous.messages === channel.messages) continue;
    const newestBefore = previous.messages.at(-1)?.seq;
    if (newestBefore === undefined) continue;
    for (let i = channel.messages.length - 1; i >= 0; i -= 1) {
      const m = channel.messages[i];
      if (!m || m.seq <= newestBefore) break;
      if ((m.kind !== "text" && m.kind !== "action") || m.author?.id === me.id) continue;
      const direct = channel.view.kind === "direct";
      if (!direct && !mentions(m.text, me.name)) continue;
      const where = direct ? "" : ` in ${displayName(channel.view)}`;
      found.push({ channelId: id, title: `${m.author?.name ?? "Someone"}${where}`, body: m.text });
    }
  }
  return found;
}
