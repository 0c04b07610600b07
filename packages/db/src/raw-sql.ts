import type { Prisma } from "@prisma/client";

/** Whose SQL the raw statements speak: only their placeholders differ. */
export type SqlDialect = "sqlite" | "postgresql";

export const placeholder = (dialect: SqlDialect, index: number) => (dialect === "sqlite" ? "?" : `$${index}`);

/**
 * Where the raw statements of the hot paths (batch-reads.ts, send-statements.ts) run: through
 * the transaction's Prisma client, or — on SQLite, inside a transaction — straight on its
 * connection (native-sqlite-statements.ts), which costs a fraction of Prisma's raw API.
 */
export interface RawSql {
  readonly dialect: SqlDialect;
  query(sql: string, args: readonly unknown[]): Promise<Array<Record<string, unknown>>>;
  execute(sql: string, args: readonly unknown[]): Promise<void>;
  /**
   * Runs one statement once per row of arguments, when the connection can reuse a prepared
   * statement; without it, callers write many rows in one statement instead.
   */
  executeEach?(sql: string, rows: ReadonlyArray<readonly unknown[]>): Promise<void>;
}

/** The raw statements through a Prisma (transaction) client. */
export const prismaRawSql = (tx: Prisma.TransactionClient, dialect: SqlDialect): RawSql => ({
  dialect,
  query: (sql, args) => tx.$queryRawUnsafe<Array<Record<string, unknown>>>(sql, ...args),
  execute: async (sql, args) => void (await tx.$executeRawUnsafe(sql, ...args)),
});
