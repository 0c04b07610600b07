import { execFile } from "node:child_process";
import { copyFile, open, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { createClient } from "@libsql/client";
import pg from "pg";
import { isPostgresUrl } from "./database-url";
import { prepareSqliteFile } from "./sqlite-url";

const run = promisify(execFile);

/** The URL without its password, and the password for PGPASSWORD: never in a process's arguments. */
function pgConnection(databaseUrl: string): { url: string; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = "";
  // eslint-disable-next-line no-restricted-properties -- pg_dump needs its PATH and locale; only PGPASSWORD is added
  const env = { ...process.env, ...(password ? { PGPASSWORD: password } : {}) };
  return { url: url.toString(), env };
}

const exists = (file: string) =>
  stat(file).then(
    () => true,
    () => false,
  );

/**
 * Writes a consistent copy of the database to `file`, safe while the server runs. SQLite:
 * `VACUUM INTO`, one read transaction, so writers go on and the copy holds exactly what had
 * committed when it began. PostgreSQL: `pg_dump -Fc`, one snapshot likewise.
 */
export async function backupDatabase(databaseUrl: string, file: string): Promise<void> {
  const target = path.resolve(file);
  if (await exists(target)) throw new Error(`${target} already exists; name a new file`);
  const partial = `${target}.partial`;
  await rm(partial, { force: true });
  if (isPostgresUrl(databaseUrl)) {
    const { url, env } = pgConnection(databaseUrl);
    await run("pg_dump", ["--format=custom", `--file=${partial}`, `--dbname=${url}`], { env }).catch(
      (error: unknown) => {
        throw new Error(`pg_dump failed: ${describeExecError(error)}`);
      },
    );
  } else {
    const source = prepareSqliteFile(databaseUrl);
    if (!(await exists(source))) throw new Error(`there is no database at ${source}`);
    const client = createClient({ url: `file:${source}` });
    try {
      await client.execute({ sql: "VACUUM INTO ?", args: [partial] });
    } finally {
      client.close();
    }
    await rebuildSearchIndex(partial);
  }
  // Only a finished copy gets the name asked for.
  await rename(partial, target);
}

/**
 * The search index emptied and filled again with the lines it holds (FTS5's own "rebuild"
 * would take every row of Message, change entries and topics included).
 */
const REINDEX_SEARCH = `
  INSERT INTO "MessageSearch"("MessageSearch") VALUES ('delete-all');
  INSERT INTO "MessageSearch"(rowid, text)
    SELECT rowid, text FROM "Message" WHERE kind IN ('text', 'action') AND "deletedAt" IS NULL;`;

/**
 * The copy's search index made again from its lines: VACUUM may renumber the rowids the index
 * is keyed by (see the search migration). A copy made before search existed has none to make.
 */
async function rebuildSearchIndex(file: string): Promise<void> {
  const copy = createClient({ url: `file:${file}` });
  try {
    const { rows } = await copy.execute("SELECT 1 FROM sqlite_master WHERE name = 'MessageSearch'");
    if (rows.length > 0) await copy.executeMultiple(REINDEX_SEARCH);
  } finally {
    copy.close();
  }
}

/** Whether the database holds any account or message: what a restore without --force must not overwrite. */
export async function databaseHoldsData(databaseUrl: string): Promise<boolean> {
  if (isPostgresUrl(databaseUrl)) {
    const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000 });
    await client.connect();
    try {
      const tables = await client.query<{ n: string }>(
        `SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = current_schema() AND table_name IN ('User', 'Message')`,
      );
      if (Number(tables.rows[0]?.n ?? 0) < 2) return false;
      const rows = await client.query<{ n: string }>(
        `SELECT (SELECT count(*) FROM "User") + (SELECT count(*) FROM "Message") AS n`,
      );
      return Number(rows.rows[0]?.n ?? 0) > 0;
    } finally {
      await client.end();
    }
  }
  const file = prepareSqliteFile(databaseUrl);
  if (!(await exists(file))) return false;
  const client = createClient({ url: `file:${file}` });
  try {
    const tables = await client.execute(
      `SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name IN ('User', 'Message')`,
    );
    if (Number(tables.rows[0]?.n ?? 0) < 2) return false;
    const rows = await client.execute(`SELECT (SELECT count(*) FROM "User") + (SELECT count(*) FROM "Message") AS n`);
    return Number(rows.rows[0]?.n ?? 0) > 0;
  } finally {
    client.close();
  }
}

/**
 * Puts a backup in place of the database, the server stopped. Refuses a database holding data
 * unless `force`. SQLite: the copy replaces the file (and its stale WAL); PostgreSQL:
 * `pg_restore --clean --if-exists`. Pending migrations are applied when the server starts.
 */
export async function restoreDatabase(databaseUrl: string, file: string, options: { force: boolean }): Promise<void> {
  const source = path.resolve(file);
  if (!(await exists(source))) throw new Error(`there is no backup at ${source}`);
  if (!options.force && (await databaseHoldsData(databaseUrl))) {
    throw new Error("the database already holds accounts or messages; stop the server and add --force to replace them");
  }
  if (isPostgresUrl(databaseUrl)) {
    const { url, env } = pgConnection(databaseUrl);
    await run("pg_restore", ["--clean", "--if-exists", "--no-owner", "--exit-on-error", `--dbname=${url}`, source], {
      env,
    }).catch((error: unknown) => {
      throw new Error(`pg_restore failed: ${describeExecError(error)}`);
    });
    return;
  }
  await assertSqliteFile(source);
  const target = prepareSqliteFile(databaseUrl);
  const partial = `${target}.restoring`;
  await copyFile(source, partial);
  // A WAL left by the old database would be replayed onto the restored one.
  await rm(`${target}-wal`, { force: true });
  await rm(`${target}-shm`, { force: true });
  await rename(partial, target);
}

async function assertSqliteFile(file: string): Promise<void> {
  const handle = await open(file, "r");
  try {
    const header = Buffer.alloc(16);
    await handle.read(header, 0, 16, 0);
    if (header.toString("latin1") !== "SQLite format 3\0")
      throw new Error(`${file} is not a SQLite backup (a PostgreSQL backup restores only into PostgreSQL)`);
  } finally {
    await handle.close();
  }
}

function describeExecError(error: unknown): string {
  const stderr = typeof error === "object" && error !== null && "stderr" in error ? String(error.stderr).trim() : "";
  const firstLine = stderr.split("\n")[0];
  return firstLine || (error instanceof Error ? error.message : String(error));
}
