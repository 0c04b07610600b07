import pg from "pg";
import type { RawSql } from "./raw-sql";

/** PostgreSQL's type id of `timestamp without time zone`, the type Prisma gives DateTime columns. */
const TIMESTAMP = 1114;

/**
 * `pg` reads a timestamp without a zone as local time; left as written, the tables' coercers read
 * it as UTC, as Prisma writes it (tables.ts).
 */
const asWritten = (value: string): string => value;
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary"): unknown =>
    oid === TIMESTAMP ? asWritten : (pg.types.getTypeParser(oid, format) as unknown)) as typeof pg.types.getTypeParser,
};

/** Dates as UTC text: `pg` would write them in the process's time zone. */
const toPostgres = (value: unknown): unknown => (value instanceof Date ? value.toISOString() : value);

/**
 * Raw statements straight on a pool or one of its clients: through Prisma's raw API each also
 * paid its query compiler and its adapter (about a millisecond), for a statement already written out.
 * On one client (a transaction) statements go one after another: work may start several at once
 * (Promise.all), and `pg` only queues those itself with a deprecation warning.
 */
function directSql(on: pg.Pool | pg.PoolClient): RawSql {
  let previous: Promise<unknown> = Promise.resolve();
  const run = (sql: string, args: readonly unknown[]) => {
    const query = () => on.query<Record<string, unknown>>({ text: sql, values: args.map(toPostgres), types });
    if (on instanceof pg.Pool) return query();
    const next = previous.then(query, query);
    previous = next.catch(() => undefined);
    return next;
  };
  return {
    dialect: "postgresql",
    query: async (sql, args) => (await run(sql, args)).rows,
    execute: async (sql, args) => void (await run(sql, args)),
  };
}

/** The reads outside a transaction, each on whichever pooled connection is free. */
export const postgresReadSql = (pool: pg.Pool): RawSql => directSql(pool);

/** `work` in one read-only REPEATABLE READ transaction: all its reads see one snapshot, and it never blocks a writer. */
export async function postgresSnapshot<T>(pool: pg.Pool, work: (raw: RawSql) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    try {
      return await work(directSql(client));
    } finally {
      await client.query("ROLLBACK");
    }
  } finally {
    client.release();
  }
}

/**
 * `work` in one write transaction straight on a pooled client, for the group commit: its
 * statements are the bulk ones already written out, so Prisma's transaction and raw API (its
 * query compiler and adapter, per statement) bought nothing there. Errors are `pg`'s own, with
 * their SQLSTATE in `code` (postgres-errors.ts reads both kinds).
 */
export async function postgresRawTransaction<T>(pool: pg.Pool, work: (raw: RawSql) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query("BEGIN");
    try {
      const result = await work(directSql(client));
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => (broken = true));
      throw error;
    }
  } finally {
    // A client whose rollback failed may be mid-transaction still: the pool must not lend it again.
    client.release(broken);
  }
}
