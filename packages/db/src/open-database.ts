import type { DatabaseLogger } from "./logger";
import type { Database } from "./database";
import { isPostgresUrl } from "./database-url";
import { openSqlite } from "./sqlite-database";

/** Opens the database DATABASE_URL names and applies its pending migrations. */
export async function openDatabase(
  databaseUrl: string,
  migrationsDir: string,
  logger: DatabaseLogger,
): Promise<Database> {
  if (isPostgresUrl(databaseUrl)) {
    // Loaded only when used, so a SQLite server never pays for the PostgreSQL client.
    const { openPostgres } = await import("./postgres-database");
    return openPostgres(databaseUrl, migrationsDir, logger);
  }
  return openSqlite(databaseUrl, migrationsDir);
}
