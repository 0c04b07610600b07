import path from "node:path";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { createClient } from "@libsql/client";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { applyMigrations } from "../../src/apply-migrations";
import {
  postgresMigrationsDir as postgresMigrations,
  sqliteMigrationsDir as sqliteMigrations,
} from "../../src/migrations-dir";
import { applyPostgresMigrations } from "../../src/postgres-migrations";
import { freshPostgresDatabase, type TestDatabase } from "../../src/testing";

const text = (value: unknown): string => (typeof value === "string" ? value : "");

/** table → sorted "column nullable|required" lines, and the column lists of its unique indexes. */
type Shape = Record<string, { columns: string[]; unique: string[] }>;

describe("PostgreSQL migrations", () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function freshDatabase(): Promise<{ database: TestDatabase; pool: pg.Pool }> {
    const database = freshPostgresDatabase();
    const pool = new pg.Pool({ connectionString: await database.url(), max: 8 });
    // pool.end() resolves before its sockets have closed; dropping the database then ends them
    // with an error that must not count as the test's.
    pool.on("error", () => undefined);
    cleanups.push(async () => {
      await pool.end();
      await database.drop();
    });
    return { database, pool };
  }

  it("run once when four nodes start on one empty database at the same moment", async () => {
    const { pool } = await freshDatabase();
    const runs = await Promise.all(Array.from({ length: 4 }, () => applyPostgresMigrations(pool, postgresMigrations)));
    const applied = runs.filter((names) => names.length > 0);
    expect(applied).toHaveLength(1);
    const recorded = await pool.query<{ name: string }>("SELECT name FROM _canaduck_migrations ORDER BY name");
    expect(recorded.rows.map((r) => r.name)).toEqual(applied[0]);
    expect(await applyPostgresMigrations(pool, postgresMigrations)).toEqual([]);
  });

  // Two whole servers starting on one new database: apps/server/test/postgres/concurrent-start.test.ts.

  it("build the same tables, columns and unique keys as the SQLite migrations, so the two never drift apart", async () => {
    const { pool } = await freshDatabase();
    await applyPostgresMigrations(pool, postgresMigrations);
    expect(await postgresShape(pool)).toEqual(await sqliteShape());
  });
});

async function postgresShape(pool: pg.Pool): Promise<Shape> {
  const shape: Shape = {};
  const columns = await pool.query<{ table_name: string; column_name: string; is_nullable: string }>(
    "SELECT table_name, column_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_canaduck_migrations'",
  );
  // The search index is each database's own (a tsvector column here, FTS5 tables there).
  for (const c of columns.rows.filter((c) => c.column_name !== "searchWords"))
    (shape[c.table_name] ??= { columns: [], unique: [] }).columns.push(
      `${c.column_name} ${c.is_nullable === "YES" ? "nullable" : "required"}`,
    );
  const unique = await pool.query<{ table_name: string; columns: string }>(
    `SELECT t.relname AS table_name, string_agg(a.attname, ',' ORDER BY k.ord) AS columns
       FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
       CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
      WHERE n.nspname = 'public' AND i.indisunique AND t.relname <> '_canaduck_migrations'
      GROUP BY t.relname, i.indexrelid`,
  );
  for (const u of unique.rows) shape[u.table_name]?.unique.push(u.columns);
  return sorted(shape);
}

async function sqliteShape(): Promise<Shape> {
  const dir = mkdtempSync(path.join(tmpdir(), "canaduck-shape-"));
  const file = path.join(dir, "shape.db");
  await applyMigrations(file, sqliteMigrations);
  const client = createClient({ url: `file:${file}` });
  try {
    const shape: Shape = {};
    const tables = await client.execute(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_canaduck_migrations' AND name NOT LIKE 'MessageSearch%'",
    );
    for (const { name } of tables.rows) {
      const table = text(name);
      const entry: Shape[string] = (shape[table] = { columns: [], unique: [] });
      const info = await client.execute(`PRAGMA table_info("${table}")`);
      // SQLite's INTEGER PRIMARY KEY (autoincrement) reports notnull 0 but can never be null.
      for (const c of info.rows)
        entry.columns.push(`${text(c.name)} ${Number(c.notnull) === 1 || Number(c.pk) > 0 ? "required" : "nullable"}`);
      const indexes = await client.execute(`PRAGMA index_list("${table}")`);
      for (const index of indexes.rows) {
        if (Number(index.unique) !== 1) continue;
        const cols = await client.execute(`PRAGMA index_info("${text(index.name)}")`);
        entry.unique.push(cols.rows.map((c) => text(c.name)).join(","));
      }
      // The rowid alias of an INTEGER PRIMARY KEY has no index of its own in SQLite.
      const pk = info.rows
        .filter((c) => Number(c.pk) > 0)
        .sort((a, b) => Number(a.pk) - Number(b.pk))
        .map((c) => text(c.name))
        .join(",");
      if (pk !== "" && !entry.unique.includes(pk)) entry.unique.push(pk);
    }
    return sorted(shape);
  } finally {
    client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const sorted = (shape: Shape): Shape =>
  Object.fromEntries(
    Object.entries(shape)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([table, s]) => [table, { columns: [...s.columns].sort(), unique: [...s.unique].sort() }]),
  );
