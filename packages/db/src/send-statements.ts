import type { MessageRecord } from "@canaduck/domain";
import { placeholder, type RawSql } from "./raw-sql";
import { toMessageRow } from "./record-mappers";
import { column, tables } from "./tables";

/**
 * The two statements of a batch of sends, as SQL that SQLite and PostgreSQL both run, through
 * `RawSql` (see raw-sql.ts). Prisma's typed `createMany` compiles every row's values through its
 * query compiler, about three times the cost of the insert itself; a raw statement skips that,
 * and on SQLite the statements skip Prisma altogether. Columns come from the schema (tables.ts)
 * and values are the row the typed API writes (`toMessageRow`, which `messages.insert` uses too;
 * the tests read these rows back through the typed API). Only the placeholders differ by
 * database; `Prisma.sql` fragments cannot be used, because each generated client (one per
 * database) recognizes only its own.
 */
/** Adds `count` to a channel's last sequence number and returns the new value, row-locked until commit. */
export async function bumpSeq(raw: RawSql, channelId: string, count: number): Promise<number> {
  const { channel } = tables;
  const lastSeq = column(channel, "lastSeq");
  const sql = `UPDATE "${channel.name}" SET ${lastSeq} = ${lastSeq} + ${placeholder(raw.dialect, 1)} WHERE ${column(channel, "id")} = ${placeholder(raw.dialect, 2)} RETURNING ${lastSeq}`;
  const rows = await raw.query(sql, [count, channelId]);
  const bumped = rows[0]?.lastSeq;
  if (bumped === undefined) throw new Error(`record not found: channel ${channelId}`);
  return Number(bumped);
}

const { message } = tables;
/** Rows per statement: at most 500, and always under SQLite's limit of 32,766 bound values. */
const ROWS_PER_STATEMENT = Math.min(500, Math.floor(32_766 / message.columns.length));
const INSERT_MESSAGES = `INSERT INTO "${message.name}" (${message.columns.map((c) => `"${c}"`).join(", ")}) VALUES `;

const rowValues = (record: MessageRecord): unknown[] => {
  const row = toMessageRow(record);
  return message.columns.map((c) => row[c]);
};

export async function insertMessages(raw: RawSql, messages: readonly MessageRecord[]): Promise<void> {
  if (raw.executeEach) {
    // A prepared one-row insert run per row: as fast as one long statement, without parsing it.
    const oneRow = `${INSERT_MESSAGES}(${message.columns.map((_, i) => placeholder(raw.dialect, i + 1)).join(", ")})`;
    await raw.executeEach(oneRow, messages.map(rowValues));
    return;
  }
  for (let start = 0; start < messages.length; start += ROWS_PER_STATEMENT) {
    const chunk = messages.slice(start, start + ROWS_PER_STATEMENT);
    const values: unknown[] = [];
    const rows = chunk.map((record) => {
      const first = values.length;
      values.push(...rowValues(record));
      return `(${message.columns.map((_, i) => placeholder(raw.dialect, first + i + 1)).join(", ")})`;
    });
    await raw.execute(INSERT_MESSAGES + rows.join(", "), values);
  }
}
