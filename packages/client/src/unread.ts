import { isSaid, limits, mentions, type Message, type UserView } from "@canaduck/contract";
import type { ChannelState } from "./state";

type Reader = Pick<UserView, "id" | "name"> | null;
type Badge = Pick<ChannelState, "readSeq" | "unread" | "mentions" | "countedTo">;

/** What the server counted unread up to `lastSeq` (a channel view, or a read:marked event). */
export interface ReadBasis {
  readSeq: number;
  unread: number;
  mentions: number;
  lastSeq: number;
}

const cap = (n: number) => Math.max(0, Math.min(n, limits.unreadCountMax));

/** The server's rule: a line after the marker, said by someone else, not deleted. */
export const countsAsUnread = (line: Message, readSeq: number, me: Reader): boolean =>
  line.seq > readSeq && isSaid(line) && line.deleted !== true && line.author?.id !== me?.id;

const mentionsMe = (line: Message, me: Reader): boolean => me !== null && mentions(line.text, me.name);

/**
 * The badge from the server's count up to `basis.lastSeq`, plus the loaded lines after it (they
 * arrived live, past what the server counted).
 */
export function rebase(channel: Pick<ChannelState, "messages" | "cursor">, basis: ReadBasis, me: Reader): Badge {
  const beyond = channel.messages.filter((m) => m.seq > basis.lastSeq && countsAsUnread(m, basis.readSeq, me));
  return {
    readSeq: basis.readSeq,
    unread: cap(basis.unread + beyond.length),
    mentions: cap(basis.mentions + beyond.filter((m) => mentionsMe(m, me)).length),
    countedTo: Math.max(basis.lastSeq, channel.cursor),
  };
}

/**
 * The badge after newly received lines and changes: a new line past what is counted adds itself;
 * a counted line deleted takes itself back off; an edit of a counted line can add or remove a mention.
 */
export function countArrivals(
  badge: Badge,
  arrived: {
    added: readonly Message[];
    changed: readonly { before: Message; after: Message; change: Message }[];
    cursor: number;
  },
  me: Reader,
): Badge {
  let { unread, mentions: mentioned } = badge;
  for (const line of arrived.added) {
    if (line.seq <= badge.countedTo || !countsAsUnread(line, badge.readSeq, me)) continue;
    unread += 1;
    if (mentionsMe(line, me)) mentioned += 1;
  }
  for (const { before, after, change } of arrived.changed) {
    // A change the server's count already saw (a catch-up's entries up to its basis) is in it.
    if (change.seq <= badge.countedTo) continue;
    // Lines past the marker that were counted (the server's basis, or live) are every loaded one that qualifies.
    if (!countsAsUnread(before, badge.readSeq, me)) continue;
    if (!countsAsUnread(after, badge.readSeq, me)) {
      unread -= 1;
      if (mentionsMe(before, me)) mentioned -= 1;
    } else mentioned += Number(mentionsMe(after, me)) - Number(mentionsMe(before, me));
  }
  return {
    readSeq: badge.readSeq,
    unread: cap(unread),
    mentions: cap(mentioned),
    // Only contiguous seqs are settled: a line filling a gap later is still new.
    countedTo: Math.max(badge.countedTo, arrived.cursor),
  };
}

/** The badge right after the user read up to `readSeq` here (before the server confirms it). */
export function markedLocally(
  channel: Pick<ChannelState, "messages" | "countedTo">,
  readSeq: number,
  me: Reader,
): Badge {
  const after = channel.messages.filter((m) => countsAsUnread(m, readSeq, me));
  return {
    readSeq,
    unread: cap(after.length),
    mentions: cap(after.filter((m) => mentionsMe(m, me)).length),
    countedTo: channel.countedTo,
  };
}
