import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaClient } from "@prisma/client";

/** A Prisma client on a SQLite file through the libSQL driver adapter (no native query engine). */
export const createPrismaClient = (sqliteFile: string): PrismaClient =>
  new PrismaClient({ adapter: new PrismaLibSQL({ url: `file:${sqliteFile}` }) });
