import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

/** A migration folder not yet applied, with its SQL. */
export interface PendingMigration {
  name: string;
  sql: string;
}

/**
 * The migration folders in `migrationsDir` that are not in `applied`, oldest first (their names
 * start with a timestamp), each with its `migration.sql`. Both databases' runners apply these.
 */
export async function pendingMigrations(
  migrationsDir: string,
  applied: ReadonlySet<string>,
): Promise<PendingMigration[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory() && !applied.has(e.name))
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => ({ name, sql: await readFile(path.join(migrationsDir, name, "migration.sql"), "utf8") })),
  );
}
