import type { Message } from "@canaduck/contract";
import type { Repositories } from "../ports";
import type { MessageRecord } from "../records";
import { currentState } from "./log-page";

export interface Page {
  messages: Message[];
  hasMore: boolean;
  hasNewer?: boolean;
}

type Read = { tx: Repositories; channelId: string; viewerId: string; limit: number };

const page = async (r: Read, records: readonly MessageRecord[], more: { hasMore: boolean; hasNewer?: boolean }) => ({
  messages: await currentState(r.tx, records, r.viewerId),
  ...more,
});

// Each read asks for one more than the page holds: that one tells whether more exist that way.

/** The newest `limit` entries before `before` (or the newest of all). */
export async function pageBefore(r: Read, before: number | undefined): Promise<Page> {
  const rows = await r.tx.messages.listBefore(r.channelId, before, r.limit + 1);
  const hasMore = rows.length > r.limit;
  return page(r, hasMore ? rows.slice(1) : rows, { hasMore });
}

/** The oldest `limit` entries after `after`. */
export async function pageAfter(r: Read, after: number): Promise<Page> {
  const rows = await r.tx.messages.listAfter(r.channelId, after, r.limit + 1);
  return page(r, rows.slice(0, r.limit), { hasMore: rows.length > r.limit });
}

/**
 * Up to `limit` entries centred on `around`, it included: as many older as newer, the rest
 * taken from the other side when one side runs out (near either end of the log).
 */
export async function pageAround(r: Read, around: number): Promise<Page> {
  const [older, newer] = await Promise.all([
    r.tx.messages.listBefore(r.channelId, around, r.limit + 1),
    r.tx.messages.listAfter(r.channelId, around - 1, r.limit + 1),
  ]);
  const half = Math.floor((r.limit - 1) / 2);
  const takeOlder = Math.min(older.length, Math.max(half, r.limit - newer.length));
  const takeNewer = Math.min(newer.length, r.limit - takeOlder);
  return page(r, [...older.slice(older.length - takeOlder), ...newer.slice(0, takeNewer)], {
    hasMore: older.length > takeOlder,
    hasNewer: newer.length > takeNewer,
  });
}
