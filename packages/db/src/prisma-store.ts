import { StoreUnavailableError, type Store } from "@canaduck/domain";
import type { Prisma, PrismaClient } from "@prisma/client";
import { prismaRepositories } from "./prisma-repositories";
import type { SeqOrder } from "./seq-order";
import { prismaRawSql, type RawSql, type SqlDialect } from "./raw-sql";

/** How one database behaves: which errors mean "unreachable", which a fresh attempt resolves, whose SQL it speaks. */
export interface DatabaseTraits {
  isUnavailable(error: unknown): boolean;
  /** A clash with a concurrent transaction (PostgreSQL); SQLite runs one writer at a time and has none. */
  isConflict?(error: unknown): boolean;
  /** Keeps results in sequence order where transactions commit side by side (PostgreSQL). */
  seqOrder?: SeqOrder;
  /** Whose SQL the few raw statements speak; SQLite unless said. */
  dialect?: SqlDialect;
  /**
   * Where a transaction's raw statements run when not through Prisma (SQLite: straight on its
   * one connection); null or absent: through the transaction's Prisma client.
   */
  transactionSql?: () => RawSql | null;
  /** Where the raw statements of reads outside a transaction run; absent: through the Prisma client. */
  readSql?: () => RawSql;
  /** Runs `work` in a read-only snapshot of the database's own; absent: a Prisma transaction. */
  snapshot?: <T>(work: (raw: RawSql) => Promise<T>) => Promise<T>;
  /** Runs `work` in a write transaction of the database's own, without Prisma; absent: a Prisma transaction. */
  rawTransaction?: <T>(work: (raw: RawSql) => Promise<T>) => Promise<T>;
}

/** The part of a Prisma client the store uses: transactions, and the models to read outside one. */
export type TransactionRunner = Pick<PrismaClient, "$transaction"> & Prisma.TransactionClient;

/** Errors that mean "the database cannot be reached right now", not "this command is wrong". */
const UNAVAILABLE =
  /SQLITE_(BUSY|LOCKED|CANTOPEN|IOERR|FULL|READONLY)|database is locked|database connection reset|ECONNREFUSED|ECONNRESET|Can't reach database|Unable to start a transaction|Transaction already closed|Operation has timed out/i;
/** Prisma's codes for the same: unreachable, timed out, connection closed, pool or transaction timeouts. */
const UNAVAILABLE_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);

export const sqliteTraits: DatabaseTraits = {
  isUnavailable: (error) =>
    error instanceof Error &&
    (UNAVAILABLE.test(error.message) || UNAVAILABLE_CODES.has((error as { code?: unknown }).code as string)),
};

/** Runs after a conflict once the winner has likely committed; bounded, so a command never spins. */
const MAX_ATTEMPTS = 4;
const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, attempt * 5 + Math.random() * 10));

/**
 * The typed client a bulk transaction's repositories hold: none. Its work may only use the raw
 * statements; a typed call would run outside the transaction, so it fails loudly instead.
 */
const noTypedCalls = new Proxy({} as Prisma.TransactionClient, {
  get(_target, property) {
    throw new Error(
      `a bulk transaction used the typed repository call ${String(property)}; only raw statements run in it`,
    );
  },
});

export function prismaStore(prisma: TransactionRunner, traits: DatabaseTraits = sqliteTraits): Store {
  const unavailable = (failure: unknown) =>
    new StoreUnavailableError(failure instanceof Error ? failure.message : String(failure), { cause: failure });
  const dialect = traits.dialect ?? "sqlite";
  const store: Store = {
    async read(work) {
      try {
        // Straight on the client: each statement stands alone and no transaction is held.
        return await work(prismaRepositories(prisma, traits.readSql?.() ?? prismaRawSql(prisma, dialect)));
      } catch (error) {
        throw traits.isUnavailable(error) ? unavailable(error) : error;
      }
    },
    async readSnapshot(work) {
      const { snapshot } = traits;
      if (!snapshot) return store.transaction(work);
      try {
        // Its raw statements read the snapshot; a typed Prisma call in `work` would read beside it.
        return await snapshot((raw) => work(prismaRepositories(prisma, raw)));
      } catch (error) {
        throw traits.isUnavailable(error) ? unavailable(error) : error;
      }
    },
    transaction(work) {
      // maxWait is generous: SQLite runs one transaction at a time, and they queue.
      return attempts((took) =>
        prisma.$transaction(
          (tx) => work(prismaRepositories(tx, traits.transactionSql?.() ?? prismaRawSql(tx, dialect), took)),
          { maxWait: 15_000, timeout: 15_000 },
        ),
      );
    },
    bulkTransaction(work) {
      const { rawTransaction } = traits;
      if (!rawTransaction) return store.transaction(work);
      return attempts((took) => rawTransaction((raw) => work(prismaRepositories(noTypedCalls, raw, took))));
    },
  };
  return store;

  /** One transaction, run again after a conflict (bounded), its result held until its seqs' turn. */
  async function attempts<T>(once: (took: ((channelId: string) => void) | undefined) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const ordered = traits.seqOrder?.attempt();
      let failure: unknown;
      try {
        const result = await once(ordered?.took);
        await ordered?.turn();
        return result;
      } catch (error) {
        failure = error;
      } finally {
        ordered?.done();
      }
      if (attempt < MAX_ATTEMPTS && traits.isConflict?.(failure)) {
        await pause(attempt);
        continue;
      }
      if (traits.isUnavailable(failure)) throw unavailable(failure);
      throw failure;
    }
  }
}
