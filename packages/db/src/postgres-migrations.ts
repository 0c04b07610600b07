import type pg from "pg";
import { pendingMigrations } from "./pending-migrations";

/** Any constant will do: it only has to be the same on every node ("CanaDuck" in ASCII, truncated). */
const MIGRATION_LOCK = 0x43616e61_4475636bn;

/**
 * Applies the SQL migrations in `migrationsDir` (this package's prisma/postgres/migrations)
 * that this database has not seen, in order, each in its own transaction, recorded in `_canaduck_migrations` like the
 * SQLite runner does. Prisma's `migrate deploy` cannot run here offline. Nodes that start
 * together queue on an advisory lock, so each migration runs once and the others find
 * nothing pending.
 */
export async function applyPostgresMigrations(pool: pg.Pool, migrationsDir: string): Promise<string[]> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK.toString()]);
    try {
      await client.query(
        "CREATE TABLE IF NOT EXISTS _canaduck_migrations (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())",
      );
      const applied = new Set(
        (await client.query<{ name: string }>("SELECT name FROM _canaduck_migrations")).rows.map((r) => r.name),
      );
      const pending = await pendingMigrations(migrationsDir, applied);
      for (const { name, sql } of pending) {
        await client.query("BEGIN");
        try {
          await client.query(sql);
          await client.query("INSERT INTO _canaduck_migrations (name) VALUES ($1)", [name]);
          await client.query("COMMIT");
        } catch (error) {
          await client.query("ROLLBACK").catch(() => undefined);
          throw new Error(`migration ${name} failed: ${error instanceof Error ? error.message : String(error)}`, {
            cause: error,
          });
        }
      }
      return pending.map((m) => m.name);
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK.toString()]);
    }
  } catch (error) {
    broken = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    // A connection that failed may still hold the lock: destroying it releases the lock.
    client.release(broken);
  }
}
