import Database from "libsql";
import { readOnlySqliteStatements } from "./native-sqlite-statements";
import type { RawSql } from "./raw-sql";

/** How long a read waits for a lock SQLite holds briefly (WAL recovery, a checkpoint's reset). */
const BUSY_TIMEOUT_MS = 5_000;
/** Snapshots open at once; more wait for one to end (the server's read gate lets two through). */
const SNAPSHOT_CONNECTIONS = 4;

interface ReadConnection {
  db: Database.Database;
  statements: RawSql;
}

/** A connection to the SQLite file that only reads: `query_only` refuses any write on it. */
function openReadConnection(file: string): ReadConnection {
  const db = new Database(file);
  // Each PRAGMA on its own: busy_timeout answers with a row, which exec() refuses.
  db.prepare("PRAGMA query_only = ON").run();
  db.prepare(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`).get();
  return { db, statements: readOnlySqliteStatements(db) };
}

/**
 * Reads beside the writer: SQLite in WAL mode lets other connections read the last commit while
 * one writes. `statements` runs each read on its own (a read outside a transaction); `snapshot`
 * runs a whole read-only transaction on a connection of a small pool, so every read in it sees
 * the same commit. Both used to wait for Prisma's one connection, behind the group commit.
 */
export function openSqliteReaders(file: string) {
  const single = openReadConnection(file);
  const idle: ReadConnection[] = [];
  const waiting: Array<(connection: ReadConnection) => void> = [];
  const all: ReadConnection[] = [single];
  let opened = 0;

  const acquire = (): Promise<ReadConnection> => {
    const ready = idle.pop();
    if (ready) return Promise.resolve(ready);
    if (opened < SNAPSHOT_CONNECTIONS) {
      opened += 1;
      const connection = openReadConnection(file);
      all.push(connection);
      return Promise.resolve(connection);
    }
    return new Promise((resolve) => waiting.push(resolve));
  };
  const release = (connection: ReadConnection) => {
    const next = waiting.shift();
    if (next) next(connection);
    else idle.push(connection);
  };

  return {
    statements: single.statements,
    async snapshot<T>(work: (raw: RawSql) => Promise<T>): Promise<T> {
      const connection = await acquire();
      try {
        connection.db.prepare("BEGIN").run();
        try {
          return await work(connection.statements);
        } finally {
          // Nothing was written: ending it either way only lets the snapshot go.
          if (connection.db.inTransaction) connection.db.prepare("ROLLBACK").run();
        }
      } finally {
        release(connection);
      }
    },
    close(): void {
      for (const connection of all) connection.db.close();
    },
  };
}
