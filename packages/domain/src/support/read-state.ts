import { limits, mentions } from "@canaduck/contract";
import type { Runtime } from "../command";
import type { Repositories } from "../ports";
import type { ChannelRecord, UserRecord } from "../records";

export interface ReadState {
  readSeq: number;
  unread: number;
  mentions: number;
}

/**
 * What is unread for `viewer` in (readSeq, upTo]: lines others said there, not deleted, at most
 * limits.unreadCountMax; and how many of those name the viewer (the contract's `mentions` rule,
 * the one the clients highlight with).
 */
export async function countUnread(
  tx: Repositories,
  channelId: string,
  readSeq: number,
  upTo: number,
  viewer: Pick<UserRecord, "id" | "name">,
): Promise<{ unread: number; mentions: number }> {
  if (readSeq >= upTo) return { unread: 0, mentions: 0 };
  const texts = await tx.messages.listUnreadTexts(channelId, readSeq, upTo, viewer.id, limits.unreadCountMax);
  return { unread: texts.length, mentions: texts.filter((text) => mentions(text, viewer.name)).length };
}

/**
 * countUnread for many conversations (a reconnect's): those at most limits.unreadCountMax entries
 * behind are counted in one read of them all, since their whole range is within the bound; the
 * rare one further behind is counted on its own.
 */
export async function countUnreadMany(
  tx: Repositories,
  items: ReadonlyArray<{ channelId: string; readSeq: number; upTo: number }>,
  viewer: Pick<UserRecord, "id" | "name">,
): Promise<Map<string, { unread: number; mentions: number }>> {
  const counts = new Map<string, { unread: number; mentions: number }>();
  const isNear = (i: { readSeq: number; upTo: number }) => i.upTo - i.readSeq <= limits.unreadCountMax;
  const behind = items.filter((i) => i.readSeq < i.upTo);
  const near = behind.filter(isNear);
  const ranges = near.map((i) => ({ channelId: i.channelId, after: i.readSeq, upTo: i.upTo }));
  for (const i of items) counts.set(i.channelId, { unread: 0, mentions: 0 });
  for (const { channelId, text } of await tx.messages.listUnreadTextsInRanges(ranges, viewer.id)) {
    const count = counts.get(channelId);
    if (count === undefined) continue;
    count.unread += 1;
    if (mentions(text, viewer.name)) count.mentions += 1;
  }
  for (const i of behind.filter((b) => !isNear(b)))
    counts.set(i.channelId, await countUnread(tx, i.channelId, i.readSeq, i.upTo, viewer));
  return counts;
}

/** The viewer's marker in a conversation and what is unread after it, up to its last seq. */
export async function readState(
  tx: Repositories,
  channel: ChannelRecord,
  viewer: Pick<UserRecord, "id" | "name">,
): Promise<ReadState> {
  const marker = await tx.readMarkers.find(viewer.id, channel.id);
  const readSeq = Math.min(marker?.seq ?? 0, channel.lastSeq);
  return { readSeq, ...(await countUnread(tx, channel.id, readSeq, channel.lastSeq, viewer)) };
}

/** Puts the user's marker at the conversation's end: on joining, nothing before is unread. */
export async function markAllRead(ctx: Runtime, channel: ChannelRecord, userId: string): Promise<void> {
  await ctx.tx.readMarkers.upsert({ userId, channelId: channel.id, seq: channel.lastSeq, updatedAt: ctx.now });
}
