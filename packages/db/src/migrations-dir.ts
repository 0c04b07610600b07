import path from "node:path";
import { fileURLToPath } from "node:url";
import { isPostgresUrl } from "./database-url";

/** This package's folder, so the migrations are found whichever directory the process started in. */
const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The SQLite migrations (prisma/migrations), applied by `applyMigrations`. */
export const sqliteMigrationsDir = path.join(packageRoot, "prisma", "migrations");
/** The PostgreSQL migrations (prisma/postgres/migrations), applied by `applyPostgresMigrations`. */
export const postgresMigrationsDir = path.join(packageRoot, "prisma", "postgres", "migrations");

/** Each database keeps its own migrations, written from the same schema: the set DATABASE_URL's kind needs. */
export const migrationsDirFor = (databaseUrl: string): string =>
  isPostgresUrl(databaseUrl) ? postgresMigrationsDir : sqliteMigrationsDir;
