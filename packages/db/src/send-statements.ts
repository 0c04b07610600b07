import type { MessageRecord } from "@canaduck/domain";
import type { Prisma } from "@prisma/client";
import { toMessageRow } from "./record-mappers";
import { column, tables } from "./tables";

/**
 * The two statements of a batch of sends, as SQL that SQLite and PostgreSQL both run, sent
 * through the transaction's own Prisma client. Prisma's typed `createMany` compiles every
 * row's values through its query compiler, about three times the cost of the insert itself;
 * a raw statement skips that. Columns come from the schema (tables.ts) and values are the row
 * the typed API writes (`toMessageRow`, which `messages.insert` uses too; the tests read these
 * rows back through the typed API). Only the placeholders differ by database;
 * `Prisma.sql` fragments cannot be used, because each generated client (one per database)
 * recognizes only its own.
 */
export type SqlDialect = "sqlite" | "postgresql";

export const placeholder = (dialect: SqlDialect, index: number) => (dialect === "sqlite" ? "?" : `$${index}`);

/** Adds `count` to a channel's last sequence number and returns the new value, row-locked until commit. */
export async function bumpSeq(
  tx: Prisma.TransactionClient,
  dialect: SqlDialect,
  channelId: string,
  count: number,
): Promise<number> {
  const { channel } = tables;
  const lastSeq = column(channel, "lastSeq");
  const sql = `UPDATE "${channel.name}" SET ${lastSeq} = ${lastSeq} + ${placeholder(dialect, 1)} WHERE ${column(channel, "id")} = ${placeholder(dialect, 2)} RETURNING ${lastSeq}`;
  const rows = await tx.$queryRawUnsafe<Array<{ lastSeq: number | bigint }>>(sql, count, channelId);
  const bumped = rows[0]?.lastSeq;
  if (bumped === undefined) throw new Error(`record not found: channel ${channelId}`);
  return Number(bumped);
}

const { message } = tables;
/** Rows per statement: at most 500, and always under SQLite's limit of 32,766 bound values. */
const ROWS_PER_STATEMENT = Math.min(500, Math.floor(32_766 / message.columns.length));
const INSERT_MESSAGES = `INSERT INTO "${message.name}" (${message.columns.map((c) => `"${c}"`).join(", ")}) VALUES `;

export async function insertMessages(
  tx: Prisma.TransactionClient,
  dialect: SqlDialect,
  messages: readonly MessageRecord[],
): Promise<void> {
  for (let start = 0; start < messages.length; start += ROWS_PER_STATEMENT) {
    const chunk = messages.slice(start, start + ROWS_PER_STATEMENT);
    const values: unknown[] = [];
    const rows = chunk.map((record) => {
      const first = values.length;
      const row = toMessageRow(record);
      for (const c of message.columns) values.push(row[c]);
      return `(${message.columns.map((_, i) => placeholder(dialect, first + i + 1)).join(", ")})`;
    });
    const sql = INSERT_MESSAGES + rows.join(", ");
    await tx.$executeRawUnsafe(sql, ...values);
  }
}
