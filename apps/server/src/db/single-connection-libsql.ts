import { createClient, type Client, type Config, type InStatement, type Transaction, type TransactionMode } from "@libsql/client";
import { PrismaLibSQL } from "@prisma/adapter-libsql";

/**
 * libSQL's local client opens a new SQLite connection for every transaction and never closes
 * the old one (its transaction object only rolls back): a connection, a file handle and its
 * page cache leaked per command until the garbage collector finds them — thousands of
 * connecting clients ran the server out of file descriptors. Prisma's adapter already runs one
 * statement or transaction at a time (a mutex), so every transaction can share the client's
 * single connection instead.
 */
function singleConnection(client: Client): Client {
  const transaction = async (mode: TransactionMode = "deferred"): Promise<Transaction> => {
    await client.execute(mode === "write" ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
    let open = true;
    const end = async (sql: "COMMIT" | "ROLLBACK") => {
      if (!open) return;
      try {
        await client.execute(sql);
      } catch (error) {
        // A failed COMMIT leaves the transaction open: roll it back so the connection stays usable.
        if (sql === "COMMIT") await client.execute("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        open = false;
      }
    };
    const tx: Transaction = {
      execute: (stmt: InStatement) => client.execute(stmt),
      batch: (stmts: InStatement[]) => client.batch(stmts),
      executeMultiple: (sql: string) => client.executeMultiple(sql),
      commit: () => end("COMMIT"),
      rollback: () => end("ROLLBACK"),
      close: () => void end("ROLLBACK").catch(() => undefined),
      get closed() {
        return !open;
      },
    };
    return tx;
  };
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === "transaction") return transaction;
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** The libSQL driver adapter factory, with every transaction on one shared connection. */
export class SingleConnectionLibSQL extends PrismaLibSQL {
  override createClient(config: Config): Client {
    return singleConnection(createClient(config));
  }
}
