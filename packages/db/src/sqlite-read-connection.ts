import Database from "libsql";
import { readOnlySqliteStatements } from "./native-sqlite-statements";
import type { RawSql } from "./raw-sql";

/** How long a read waits for a lock SQLite holds briefly (WAL recovery, a checkpoint's reset). */
const BUSY_TIMEOUT_MS = 5_000;

/** A second connection to the SQLite file, for reads outside transactions; `query_only` refuses any write. */
export function openSqliteReadConnection(file: string): { statements: RawSql; close(): void } {
  const db = new Database(file);
  // Each PRAGMA on its own: busy_timeout answers with a row, which exec() refuses.
  db.prepare("PRAGMA query_only = ON").run();
  db.prepare(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`).get();
  return { statements: readOnlySqliteStatements(db), close: () => db.close() };
}
