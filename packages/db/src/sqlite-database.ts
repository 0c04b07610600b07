import { applyMigrations } from "./apply-migrations";
import type { Database } from "./database";
import { openSqliteClient } from "./prisma-client";
import { prismaStore, sqliteTraits } from "./prisma-store";
import { openSqliteReaders } from "./sqlite-read-connection";
import { prepareSqliteFile } from "./sqlite-url";
import { chunkTable } from "./file-chunks";

/** A SQLite file (`file:` URL), created and migrated if needed. */
export async function openSqlite(databaseUrl: string, migrationsDir: string): Promise<Database> {
  const file = prepareSqliteFile(databaseUrl);
  const applied = await applyMigrations(file, migrationsDir);
  const { prisma, statements } = openSqliteClient(file);
  const reads = openSqliteReaders(file);
  return {
    store: prismaStore(prisma, {
      ...sqliteTraits,
      transactionSql: statements,
      readSql: () => reads.statements,
      snapshot: (work) => reads.snapshot(work),
    }),
    chunks: chunkTable(prisma),
    ping: async () => void (await prisma.$queryRawUnsafe("SELECT 1")),
    close: async () => {
      await prisma.$disconnect();
      reads.close();
    },
    location: file,
    applied,
  };
}
