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

/** Prepared statements per SQL text, most recently used kept; `beforeUse` may refuse to run one. */
function statementCache(db: Database, beforeUse: () => void): (sql: string) => Statement {
  const cache = new Map<string, Statement>();
  return (sql) => {
    beforeUse();
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
}

/**
 * The raw statements straight on a SQLite connection, with its prepared statements reused.
 * Only for use inside a Prisma transaction on that same connection: the transaction holds the
 * adapter's lock, so nothing else runs on the connection meanwhile, and every statement checks
 * the connection is still inside it — a statement outside would commit on its own.
 */
export function nativeSqliteStatements(db: Database): RawSql {
  const prepared = statementCache(db, () => {
    if (!db.inTransaction) throw new Error("database connection reset: no transaction is open on the connection");
  });
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

/**
 * The reads of commands that run outside a transaction, on a read-only connection of their own.
 * Through Prisma each such read waited for the one shared connection (behind the node's group
 * commit) and then cost about a millisecond of its query compiler; here it is a prepared
 * statement run at once. In WAL mode each statement reads the last committed state, which is
 * what a read outside a transaction saw before: a connection's own writes are acknowledged
 * (committed) before its next command runs.
 */
export function readOnlySqliteStatements(db: Database): RawSql {
  const prepared = statementCache(db, () => undefined);
  const refuse = () => Promise.reject(new Error("a read-only connection does not write"));
  return {
    dialect: "sqlite",
    query: (sql, args) => settled(() => prepared(sql).all(...args.map(toSqlite)) as Array<Record<string, unknown>>),
    execute: refuse,
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
