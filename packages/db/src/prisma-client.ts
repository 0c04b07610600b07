import { PrismaClient } from "@prisma/client";
import { SingleConnectionLibSQL } from "./single-connection-libsql";

/** A Prisma client on a SQLite file through the libSQL driver adapter (no native query engine). */
export const createPrismaClient = (sqliteFile: string): PrismaClient =>
  new PrismaClient({ adapter: new SingleConnectionLibSQL({ url: `file:${sqliteFile}` }) });
