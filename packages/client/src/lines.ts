import { isSaid, limits, type Message } from "@canaduck/contract";
import type { ChannelState } from "./state";

type Lines = Pick<ChannelState, "messages" | "window">;

/** The lines a conversation shows now: a jump's window while one is open, else the newest loaded. */
export const visibleLines = (channel: Lines): Message[] => channel.window?.messages ?? channel.messages;

/** Lines a person said that are still there: what /edit, /delete, /react and /reply count. */
const saidAndPresent = (m: Message): boolean => isSaid(m) && m.deleted !== true;

/**
 * The n-th said line (text or /me, not deleted) from the bottom of what the conversation shows,
 * 1 being the last: the line `/react 👍 2` or `/reply 3 …` is about. Null when there is none.
 */
export function lineFromBottom(channel: Lines, n: number): Message | null {
  if (!Number.isInteger(n) || n < 1) return null;
  const lines = visibleLines(channel);
  let left = n;
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i];
    if (line && saidAndPresent(line) && --left === 0) return line;
  }
  return null;
}

/** The user's own newest said line of the conversation: what ↑ in an empty composer and a bare /edit change. */
export function lastOwnLine(channel: Pick<ChannelState, "messages">, meId: string | null | undefined): Message | null {
  if (!meId) return null;
  for (let i = channel.messages.length - 1; i >= 0; i--) {
    const line = channel.messages[i];
    if (line && saidAndPresent(line) && line.author?.id === meId) return line;
  }
  return null;
}

/**
 * Whether the "new messages" divider goes right before `lines[index]`: the first line shown after
 * the read marker, while something is unread. At the top of the shown lines only when the line
 * before it is known to be read (it is the marker's next seq, or nothing older exists).
 */
export function isUnreadDividerAt(
  channel: Pick<ChannelState, "readSeq" | "unread" | "hasOlder" | "window" | "messages">,
  index: number,
): boolean {
  const lines = visibleLines(channel);
  const line = lines[index];
  if (!line || channel.unread === 0 || line.seq <= channel.readSeq) return false;
  const previous = lines[index - 1];
  if (previous) return previous.seq <= channel.readSeq;
  const hasOlder = channel.window ? channel.window.hasOlder : channel.hasOlder;
  return !hasOlder || line.seq === channel.readSeq + 1;
}

/** How many characters to cut before `text` can be sent (0 when it fits): the composer keeps it and says so. */
export const overLimitBy = (text: string, max: number = limits.messageMaxLength): number =>
  Math.max(0, text.length - max);
