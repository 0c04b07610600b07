import pg from "pg";
import type { DatabaseLogger } from "./logger";
import { closableStore } from "./closable-store";
import type { Database } from "./database";
import { redactDatabaseUrl } from "./database-url";
import { createPostgresPrismaClient } from "./postgres-client";
import { isPostgresConflict, isPostgresUnavailable } from "./postgres-errors";
import { applyPostgresMigrations } from "./postgres-migrations";
import { postgresRawTransaction, postgresReadSql, postgresSnapshot } from "./postgres-read-sql";
import { prismaStore, type TransactionRunner } from "./prisma-store";
import { SeqOrder } from "./seq-order";
import { chunkTable } from "./file-chunks";

/** How long closing waits for transactions still running (the server has drained its commands already). */
const CLOSE_GRACE_MS = 5_000;

/** A PostgreSQL database (`postgres://` or `postgresql://` URL), migrated if needed. */
export async function openPostgres(
  databaseUrl: string,
  migrationsDir: string,
  logger: DatabaseLogger,
): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    // Without a limit a command would wait forever for a server that is down; with one it
    // is answered UNAVAILABLE and the client retries.
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle connection the server drops (restart, failover) must not crash the process;
  // the pool replaces it on the next checkout.
  pool.on("error", (error) => logger.warn({ err: error }, "PostgreSQL connection lost"));
  try {
    const applied = await applyPostgresMigrations(pool, migrationsDir);
    const prisma = createPostgresPrismaClient(pool);
    // The PostgreSQL client is generated from the same models as the SQLite one, so its
    // transaction client has the same model API; only its nominal type differs.
    const runner = prisma as unknown as TransactionRunner;
    const reads = postgresReadSql(pool);
    const { store, close } = closableStore(
      prismaStore(runner, {
        isUnavailable: isPostgresUnavailable,
        isConflict: isPostgresConflict,
        seqOrder: new SeqOrder(),
        dialect: "postgresql",
        readSql: () => reads,
        snapshot: (work) => postgresSnapshot(pool, work),
        rawTransaction: (work) => postgresRawTransaction(pool, work),
      }),
    );
    return {
      store,
      chunks: chunkTable(runner),
      ping: async () => void (await prisma.$queryRawUnsafe("SELECT 1")),
      close: async () => {
        await close(CLOSE_GRACE_MS);
        await prisma.$disconnect();
        await pool.end();
      },
      location: redactDatabaseUrl(databaseUrl),
      applied,
    };
  } catch (error) {
    await pool.end();
    throw error;
  }
}
