import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";
// Generated from prisma/postgres/schema.prisma (npm run db:generate) into prisma/postgres/generated, beside the SQLite client in node_modules/.prisma.
import { PrismaClient } from "../prisma/postgres/generated/client";

export type PostgresPrismaClient = PrismaClient;

/** A Prisma client on a `pg` pool through the driver adapter (no native query engine). */
export const createPostgresPrismaClient = (pool: pg.Pool): PostgresPrismaClient =>
  // "minimal": the generated client lives outside node_modules, so Prisma would otherwise
  // quote its own minified runtime as the call site in every error message.
  new PrismaClient({ adapter: new PrismaPg(pool), errorFormat: "minimal" });
