import { copyFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { onPostgres, withAdminClient } from "@canaduck/db/testing";

export interface DatabaseCopy {
  url: string;
  drop(): Promise<void>;
}

/**
 * Copies of a database a stopped server left behind, each a fresh start from the same state: a
 * file copy for SQLite, `CREATE DATABASE … TEMPLATE` for PostgreSQL. Setting the state up once
 * (nine accounts, argon2 each) and copying it is what lets a matrix start every cell afresh.
 */
export function copiesOf(templateUrl: string): () => Promise<DatabaseCopy> {
  if (onPostgres()) {
    const template = new URL(templateUrl).pathname.slice(1);
    return async () => {
      const name = `canaduck_t_${randomBytes(6).toString("hex")}`;
      await withAdminClient((client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
      const url = new URL(templateUrl);
      url.pathname = `/${name}`;
      return {
        url: url.toString(),
        drop: () =>
          withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(
            () => undefined,
          ),
      };
    };
  }
  const file = templateUrl.replace(/^file:/, "");
  return () => {
    const dir = mkdtempSync(path.join(tmpdir(), "canaduck-copy-"));
    const copy = path.join(dir, "chat.db");
    // A stopped server has checkpointed its WAL; the side files are copied should one remain.
    for (const suffix of ["", "-wal", "-shm"])
      if (existsSync(file + suffix)) copyFileSync(file + suffix, copy + suffix);
    return Promise.resolve({
      url: `file:${copy}`,
      drop: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
    });
  };
}
