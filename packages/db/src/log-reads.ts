import type { Channel, Message } from "@prisma/client";
import { placeholder, type RawSql } from "./raw-sql";
import { tables } from "./tables";

/**
 * The reads of a conversation's log that every page, catch-up and channel view makes — a page
 * before or after a seq, the unread lines after a marker, members per channel — as raw
 * statements on the (channelId, seq) index: through Prisma's typed API each cost about a
 * millisecond of its query compiler, and a reconnect made two for every conversation (a
 * session:sync of 20 channels took 66 ms, most of it compiling queries).
 */
const { channel, message } = tables;
/** Ranges per statement: a user in hundreds of conversations reads them in a few statements. */
const RANGES_PER_READ = 200;

/** Lines said (text or action), not deleted, by anyone but the viewer: a line the server wrote has no author, so it counts. */
const unreadBy = (viewer: string) =>
  `kind IN ('text', 'action') AND "deletedAt" IS NULL AND ("authorId" IS NULL OR "authorId" <> ${viewer})`;

type SeqRange = { channelId: string; after: number; upTo: number };

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
const COLUMNS = message.columns.map((c) => `"${c}"`).join(", ");

export const logReads = (raw: RawSql) => {
  const p = (n: number) => placeholder(raw.dialect, n);
  const lines = async (sql: string, args: readonly unknown[]): Promise<Message[]> =>
    (await raw.query(sql, args)).map(message.coerce);
  return {
    /** The newest `limit` entries before `before` (or the newest of all), oldest first. */
    before: async (channelId: string, before: number | undefined, limit: number): Promise<Message[]> => {
      const rows =
        before === undefined
          ? await lines(
              `SELECT ${COLUMNS} FROM "Message" WHERE "channelId" = ${p(1)} ORDER BY seq DESC LIMIT ${p(2)}`,
              [channelId, limit],
            )
          : await lines(
              `SELECT ${COLUMNS} FROM "Message" WHERE "channelId" = ${p(1)} AND seq < ${p(2)} ORDER BY seq DESC LIMIT ${p(3)}`,
              [channelId, before, limit],
            );
      return rows.reverse();
    },
    /** The oldest `limit` entries after `after`. */
    after: (channelId: string, after: number, limit: number): Promise<Message[]> =>
      lines(
        `SELECT ${COLUMNS} FROM "Message" WHERE "channelId" = ${p(1)} AND seq > ${p(2)} ORDER BY seq ASC LIMIT ${p(3)}`,
        [channelId, after, limit],
      ),
    /**
     * The text of up to `limit` lines in (after, upTo], newest first, said by anyone but the
     * viewer (a line the server wrote has no author, so it counts too).
     */
    unreadTexts: async (
      channelId: string,
      after: number,
      upTo: number,
      viewerId: string,
      limit: number,
    ): Promise<string[]> => {
      const rows = await raw.query(
        `SELECT text FROM "Message" WHERE "channelId" = ${p(1)} AND seq > ${p(2)} AND seq <= ${p(3)} ` +
          `AND ${unreadBy(p(4))} ORDER BY seq DESC LIMIT ${p(5)}`,
        [channelId, after, upTo, viewerId, limit],
      );
      return rows.map((row) => String(row.text));
    },
    /** Every entry in any of the ranges (the (channelId, seq) index serves each term of the OR). */
    inRanges: async (ranges: readonly SeqRange[]): Promise<Message[]> => {
      const out: Message[] = [];
      for (const part of chunks(ranges, RANGES_PER_READ)) {
        const { where, args } = rangeTerms(part, p);
        out.push(...(await lines(`SELECT ${COLUMNS} FROM "Message" WHERE ${where}`, args)));
      }
      return out;
    },
    /** unreadTexts of several ranges, unbounded (callers bound the ranges). */
    unreadTextsInRanges: async (
      ranges: readonly SeqRange[],
      viewerId: string,
    ): Promise<Array<{ channelId: string; text: string }>> => {
      const out: Array<{ channelId: string; text: string }> = [];
      for (const part of chunks(ranges, RANGES_PER_READ)) {
        const { where, args } = rangeTerms(part, p);
        const rows = await raw.query(
          `SELECT "channelId", text FROM "Message" WHERE (${where}) AND ${unreadBy(p(args.length + 1))}`,
          [...args, viewerId],
        );
        out.push(...rows.map((row) => ({ channelId: String(row.channelId), text: String(row.text) })));
      }
      return out;
    },
    /** How many members each of `channelIds` has (absent: no such channel): the trigger-kept column, one row each. */
    memberCounts: async (channelIds: readonly string[]): Promise<Map<string, number>> => {
      if (channelIds.length === 0) return new Map();
      const rows = await raw.query(
        `SELECT id, "memberCount" FROM "Channel" WHERE id IN (${channelIds.map((_, i) => p(i + 1)).join(", ")})`,
        channelIds,
      );
      return new Map(rows.map((row) => [String(row.id), Number(row.memberCount)]));
    },
    /** Every channel (not direct conversations), each row with its member count. */
    channels: async (): Promise<Channel[]> => {
      const columns = channel.columns.map((c) => `"${c}"`).join(", ");
      return (await raw.query(`SELECT ${columns} FROM "Channel" WHERE kind = 'channel'`, [])).map(channel.coerce);
    },
  };
};

/** `(channelId = ? AND seq > ? AND seq <= ?) OR …`, with its arguments. */
function rangeTerms(ranges: readonly SeqRange[], p: (n: number) => string): { where: string; args: unknown[] } {
  const args: unknown[] = [];
  const terms = ranges.map((r) => {
    args.push(r.channelId, r.after, r.upTo);
    const n = args.length;
    return `("channelId" = ${p(n - 2)} AND seq > ${p(n - 1)} AND seq <= ${p(n)})`;
  });
  return { where: terms.join(" OR "), args };
}
