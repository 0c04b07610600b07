import { StoreUnavailableError, type Store } from "@canaduck/domain";
import type { PrismaClient } from "@prisma/client";
import { prismaRepositories } from "./prisma-repositories";

/** Errors that mean "the database cannot be reached right now", not "this command is wrong". */
const UNAVAILABLE = /SQLITE_(BUSY|LOCKED|CANTOPEN|IOERR|FULL|READONLY)|ECONNREFUSED|ECONNRESET|Can't reach database|Unable to start a transaction|Transaction already closed/i;

export function prismaStore(prisma: PrismaClient): Store {
  return {
    async transaction(work) {
      try {
        // maxWait is generous: SQLite runs one transaction at a time, and they queue.
        return await prisma.$transaction((tx) => work(prismaRepositories(tx)), { maxWait: 15_000, timeout: 15_000 });
      } catch (error) {
        if (error instanceof Error && UNAVAILABLE.test(error.message)) {
          throw new StoreUnavailableError(error.message, { cause: error });
        }
        throw error;
      }
    },
  };
}
