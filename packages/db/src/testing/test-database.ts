import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";

/** Where a TestServer keeps its data: created on first use, kept across restarts, dropped at dispose. */
export interface TestDatabase {
  url(): Promise<string>;
  drop(): Promise<void>;
}

/** The PostgreSQL server tests create their databases on (scripts/ensure-services.sh at the repository root starts it). */
export const testPostgresUrl = (): string =>
  process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

/** Whether this run is the suite's PostgreSQL run (`TEST_DATABASE=postgres`). */
export const onPostgres = (): boolean => process.env.TEST_DATABASE === "postgres";

/** Runs `work` on a connection to the maintenance database of the test PostgreSQL server. */
export async function withAdminClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testPostgresUrl(), connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A database of its own on the test PostgreSQL server: the service keeps state between runs. */
export function freshPostgresDatabase(): TestDatabase {
  const name = `canaduck_t_${randomBytes(6).toString("hex")}`;
  let created: Promise<string> | undefined;
  return {
    url: () =>
      (created ??= withAdminClient(async (client) => {
        await client.query(`CREATE DATABASE ${name}`);
        const url = new URL(testPostgresUrl());
        url.pathname = `/${name}`;
        return url.toString();
      })),
    drop: async () => {
      if (created === undefined) return;
      await created.catch(() => undefined);
      await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/** SQLite by default; a fresh PostgreSQL database with TEST_DATABASE=postgres. */
export function testDatabase(dir: string): TestDatabase {
  if (onPostgres()) return freshPostgresDatabase();
  return { url: () => Promise.resolve(`file:${path.join(dir, "chat.db")}`), drop: () => Promise.resolve() };
}
