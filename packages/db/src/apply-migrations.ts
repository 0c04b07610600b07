import { createClient } from "@libsql/client";
import { pendingMigrations } from "./pending-migrations";

/**
 * Applies the SQL migrations in `migrationsDir` (this package's prisma/migrations, see
 * migrations-dir.ts) that this database has not seen, in order, each in its own transaction. Prisma's own `migrate deploy` cannot run offline
 * with a native engine, so the server applies the same files itself at start.
 */
export async function applyMigrations(sqliteFile: string, migrationsDir: string): Promise<string[]> {
  const client = createClient({ url: `file:${sqliteFile}` });
  try {
    await client.execute("PRAGMA journal_mode = WAL");
    await client.execute(
      "CREATE TABLE IF NOT EXISTS _canaduck_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)",
    );
    const applied = new Set(
      (await client.execute("SELECT name FROM _canaduck_migrations")).rows.map((r) =>
        typeof r.name === "string" ? r.name : "",
      ),
    );
    const pending = await pendingMigrations(migrationsDir, applied);
    for (const { name, sql } of pending) {
      const record = `INSERT INTO _canaduck_migrations (name, applied_at) VALUES ('${name.replace(/'/g, "''")}', '${new Date().toISOString()}');`;
      await client.executeMultiple(`BEGIN;\n${sql}\n${record}\nCOMMIT;`);
    }
    return pending.map((m) => m.name);
  } finally {
    client.close();
  }
}
