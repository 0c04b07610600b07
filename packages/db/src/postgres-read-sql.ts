import pg from "pg";
import type { RawSql } from "./raw-sql";

/** PostgreSQL's type id of `timestamp without time zone`, the type Prisma gives DateTime columns. */
const TIMESTAMP = 1114;

/**
 * `pg` reads a timestamp without a zone as local time; left as written, the tables' coercers read
 * it as UTC, as Prisma writes it (tables.ts).
 */
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP ? (value: string) => value : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** Dates as UTC text: `pg` would write them in the process's time zone. */
const toPostgres = (value: unknown): unknown => (value instanceof Date ? value.toISOString() : value);

/**
 * The raw statements of reads outside a transaction, straight on the pool: through Prisma's raw
 * API each also paid its query compiler and its adapter (about a millisecond), for a statement
 * already written out.
 */
export const postgresReadSql = (pool: pg.Pool): RawSql => ({
  dialect: "postgresql",
  query: async (sql, args) => (await pool.query({ text: sql, values: args.map(toPostgres), types })).rows,
  execute: async (sql, args) => void (await pool.query({ text: sql, values: args.map(toPostgres), types })),
});
