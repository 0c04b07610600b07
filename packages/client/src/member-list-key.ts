import type { MessageKind } from "@canaduck/contract";
import { activeChannel, type ChannelState, type ChatState } from "./state";

/** Lines that change who is in a channel or their role: the member list is read again after one. */
const membershipKinds: ReadonlySet<MessageKind> = new Set<MessageKind>(["join", "part", "kick", "ban", "op", "deop"]);

/** The seq of the channel's newest line that changed its membership; 0 when none is loaded. */
function membershipVersion(channel: ChannelState): number {
  for (let i = channel.messages.length - 1; i >= 0; i -= 1) {
    const m = channel.messages[i];
    if (m && membershipKinds.has(m.kind)) return m.seq;
  }
  return 0;
}

/**
 * When the open channel's member list must be (re)read: a key that changes on opening a
 * channel, after a line that changed its membership, and on coming back online. Null when there
 * is nothing to read (no channel open, a direct conversation, or offline).
 */
export function memberListKey(state: ChatState): string | null {
  const channel = activeChannel(state);
  if (!channel || channel.view.kind !== "channel" || state.status !== "online") return null;
  return `${channel.view.id}@${membershipVersion(channel)}`;
}
