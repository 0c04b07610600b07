import { PrismaClient } from "@prisma/client";
import type { RawSql } from "./raw-sql";
import { SingleConnectionLibSQL } from "./single-connection-libsql";

/** A Prisma client on a SQLite file through the libSQL driver adapter (no native query engine). */
export const createPrismaClient = (sqliteFile: string): PrismaClient => openSqliteClient(sqliteFile).prisma;

/** The Prisma client, and the raw statements straight on its connection (inside its transactions only). */
export function openSqliteClient(sqliteFile: string): { prisma: PrismaClient; statements: () => RawSql | null } {
  const adapter = new SingleConnectionLibSQL(sqliteFile);
  return { prisma: new PrismaClient({ adapter }), statements: () => adapter.statements() };
}
