import type { Client, Config, InStatement, Transaction, TransactionMode } from "@libsql/client";
import { Sqlite3Client } from "@libsql/client/sqlite3";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import Database from "libsql";
import { nativeSqliteStatements } from "./native-sqlite-statements";
import type { RawSql } from "./raw-sql";

/** One SQLite connection: libSQL's client over it, and its native handle for the raw statements. */
interface Connection {
  client: Client;
  statements: RawSql;
}

/**
 * libSQL's local client opens a new SQLite connection for every transaction and never closes
 * the old one (its transaction object only rolls back): two file descriptors and a page cache
 * leaked per command until the garbage collector found them, and thousands of connecting
 * clients ran the server out of descriptors. Prisma's adapter already runs one statement or
 * transaction at a time (a mutex), so transactions can share one connection. After an error
 * that connection may hold a statement SQLite still counts as running ("cannot commit
 * transaction - SQL statements in progress"), so it is replaced, as libSQL's own design did.
 */
function singleConnection(open: () => Connection): { client: Client; statements: () => RawSql } {
  let connection = open();
  let client = connection.client;
  const replace = () => {
    const broken = client;
    connection = open();
    client = connection.client;
    try {
      broken.close();
    } catch {
      // Closing a connection that failed is best effort.
    }
  };
  const execute = async (stmt: InStatement) => {
    try {
      return await client.execute(stmt);
    } catch (error) {
      replace();
      throw error;
    }
  };

  const transaction = async (mode: TransactionMode = "deferred"): Promise<Transaction> => {
    await execute(mode === "write" ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
    const connection = client;
    let open = true;
    let failed = false;
    const end = async (sql: "COMMIT" | "ROLLBACK") => {
      if (!open) return;
      open = false;
      // A failed statement may have replaced the connection already: nothing left to end.
      if (failed || connection !== client) {
        if (connection === client) replace();
        if (sql === "COMMIT")
          throw new Error("database connection reset: the transaction failed earlier and was rolled back");
        return;
      }
      try {
        await client.execute(sql);
      } catch (error) {
        replace(); // drops the open transaction with the connection
        throw error;
      }
    };
    return {
      execute: async (stmt: InStatement) => {
        if (connection !== client)
          throw new Error("database connection reset: the transaction's connection was replaced after an error");
        try {
          return await client.execute(stmt);
        } catch (error) {
          failed = true;
          throw error;
        }
      },
      batch: (stmts: InStatement[]) => client.batch(stmts),
      executeMultiple: (sql: string) => client.executeMultiple(sql),
      commit: () => end("COMMIT"),
      rollback: () => end("ROLLBACK"),
      close: () => void end("ROLLBACK").catch(() => undefined),
      get closed() {
        return !open;
      },
    };
  };

  const proxy = new Proxy({} as Client, {
    get(_target, property) {
      if (property === "transaction") return transaction;
      if (property === "execute") return execute;
      const value: unknown = Reflect.get(client, property, client);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(client) : value;
    },
  });
  return { client: proxy, statements: () => connection.statements };
}

/** A connection to a local SQLite file, opened as libSQL's own `createClient` opens it, keeping its native handle. */
function openConnection(file: string): Connection {
  const db = new Database(file);
  db.prepare("SELECT 1 AS checkThatTheDatabaseCanBeOpened").get();
  return { client: new Sqlite3Client(file, {}, db, "number"), statements: nativeSqliteStatements(db) };
}

/**
 * The libSQL driver adapter factory, with every transaction on one shared, self-healing
 * connection to the SQLite file `file`; `statements()` runs raw statements straight on that
 * connection (only inside a transaction, see native-sqlite-statements.ts).
 */
export class SingleConnectionLibSQL extends PrismaLibSQL {
  private shared: ReturnType<typeof singleConnection> | null = null;

  constructor(private readonly file: string) {
    super({ url: `file:${file}` });
  }

  override createClient(_config: Config): Client {
    this.shared = singleConnection(() => openConnection(this.file));
    return this.shared.client;
  }

  /** The raw statements on the current connection; null before Prisma has connected. */
  statements(): RawSql | null {
    return this.shared?.statements() ?? null;
  }
}
