import type Libsql from "libsql";
import type { RawSql } from "./raw-sql";

type Database = Libsql.Database;
type Statement = Libsql.Statement<unknown[]>;

/** Prepared statements kept per connection: the reads' IN lists vary in length, so bounded. */
const CACHED_STATEMENTS = 128;

/**
 * A value as Prisma's libSQL adapter writes it, so rows written here read back through the
 * typed API unchanged: dates as ISO 8601 with an explicit "+00:00", booleans as 0/1.
 */
function toSqlite(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

/**
 * The raw statements straight on a SQLite connection, with its prepared statements reused.
 * Only for use inside a Prisma transaction on that same connection: the transaction holds the
 * adapter's lock, so nothing else runs on the connection meanwhile, and every statement checks
 * the connection is still inside it — a statement outside would commit on its own.
 */
export function nativeSqliteStatements(db: Database): RawSql {
  const cache = new Map<string, Statement>();
  const prepared = (sql: string): Statement => {
    if (!db.inTransaction) throw new Error("database connection reset: no transaction is open on the connection");
    let statement = cache.get(sql);
    if (statement) {
      // Most recently used last, so the oldest is the one evicted.
      cache.delete(sql);
    } else {
      statement = db.prepare(sql);
      if (cache.size >= CACHED_STATEMENTS) cache.delete(cache.keys().next().value ?? "");
    }
    cache.set(sql, statement);
    return statement;
  };
  return {
    dialect: "sqlite",
    query: (sql, args) => settled(() => prepared(sql).all(...args.map(toSqlite)) as Array<Record<string, unknown>>),
    execute: (sql, args) => settled(() => void prepared(sql).run(...args.map(toSqlite))),
    executeEach: (sql, rows) =>
      settled(() => {
        const statement = prepared(sql);
        for (const args of rows) statement.run(...args.map(toSqlite));
      }),
  };
}

/** A synchronous call as the port's promise: what it throws becomes the rejection. */
function settled<T>(run: () => T): Promise<T> {
  try {
    return Promise.resolve(run());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}
