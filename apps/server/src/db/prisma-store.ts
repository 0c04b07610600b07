import { StoreUnavailableError, type Store } from "@canaduck/domain";
import type { PrismaClient } from "@prisma/client";
import { prismaRepositories } from "./prisma-repositories";

/** Errors that mean "the database cannot be reached right now", not "this command is wrong". */
const UNAVAILABLE = /SQLITE_(BUSY|LOCKED|CANTOPEN|IOERR|FULL|READONLY)|database is locked|ECONNREFUSED|ECONNRESET|Can't reach database|Unable to start a transaction|Transaction already closed/i;
/** Prisma's codes for the same: unreachable, timed out, connection closed, pool or transaction timeouts. */
const UNAVAILABLE_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);

const isUnavailable = (error: unknown): error is Error =>
  error instanceof Error &&
  (UNAVAILABLE.test(error.message) || UNAVAILABLE_CODES.has((error as { code?: unknown }).code as string));

export function prismaStore(prisma: PrismaClient): Store {
  return {
    async transaction(work) {
      try {
        // maxWait is generous: SQLite runs one transaction at a time, and they queue.
        return await prisma.$transaction((tx) => work(prismaRepositories(tx)), { maxWait: 15_000, timeout: 15_000 });
      } catch (error) {
        if (isUnavailable(error)) {
          throw new StoreUnavailableError(error.message, { cause: error });
        }
        throw error;
      }
    },
  };
}
