import type { MessageRecord } from "@canaduck/domain";
import type { Prisma } from "@prisma/client";

/**
 * The two statements of a batch of sends, as SQL that SQLite and PostgreSQL both run, sent
 * through the transaction's own Prisma client. Prisma's typed `createMany` compiles every
 * row's values through its query compiler, about three times the cost of the insert itself;
 * a raw statement skips that. Columns and stored formats are those the typed API writes (the
 * server's tests read these rows back through it). Only the placeholders differ by database;
 * `Prisma.sql` fragments cannot be used, because each generated client (one per database)
 * recognizes only its own.
 */
export type SqlDialect = "sqlite" | "postgresql";

export const placeholder = (dialect: SqlDialect, index: number) => (dialect === "sqlite" ? "?" : `$${index}`);

/** Adds `count` to a channel's last sequence number and returns the new value, row-locked until commit. */
export async function bumpSeq(tx: Prisma.TransactionClient, dialect: SqlDialect, channelId: string, count: number): Promise<number> {
  const sql = `UPDATE "Channel" SET "lastSeq" = "lastSeq" + ${placeholder(dialect, 1)} WHERE "id" = ${placeholder(dialect, 2)} RETURNING "lastSeq"`;
  const rows = await tx.$queryRawUnsafe<Array<{ lastSeq: number | bigint }>>(sql, count, channelId);
  const lastSeq = rows[0]?.lastSeq;
  if (lastSeq === undefined) throw new Error(`record not found: channel ${channelId}`);
  return Number(lastSeq);
}

const COLUMNS = ["id", "channelId", "seq", "authorId", "authorName", "kind", "text", "meta", "clientId", "createdAt"] as const;
/** Rows per statement: well under SQLite's limit of 32,766 bound values (ten a row). */
const ROWS_PER_STATEMENT = 500;

export async function insertMessages(tx: Prisma.TransactionClient, dialect: SqlDialect, messages: readonly MessageRecord[]): Promise<void> {
  for (let start = 0; start < messages.length; start += ROWS_PER_STATEMENT) {
    const chunk = messages.slice(start, start + ROWS_PER_STATEMENT);
    const values: unknown[] = [];
    const rows = chunk.map((m) => {
      const first = values.length;
      values.push(m.id, m.channelId, m.seq, m.authorId, m.authorName, m.kind, m.text, JSON.stringify(m.meta), m.clientId, m.createdAt);
      return `(${COLUMNS.map((_, i) => placeholder(dialect, first + i + 1)).join(", ")})`;
    });
    const sql = `INSERT INTO "Message" (${COLUMNS.map((c) => `"${c}"`).join(", ")}) VALUES ${rows.join(", ")}`;
    await tx.$executeRawUnsafe(sql, ...values);
  }
}
