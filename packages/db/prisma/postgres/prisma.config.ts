// Prisma's CLI for the PostgreSQL copy of the schema: JavaScript engine and the pg driver
// adapter, so `generate` and `migrate diff` never download a native engine (which fails offline).
//   npx prisma generate --config prisma/postgres/prisma.config.ts   (in packages/db; npm run db:generate)
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  // Relative to this file.
  schema: "schema.prisma",
  migrations: { path: "migrations" },
  adapter: () =>
    Promise.resolve(
      new PrismaPg({
        connectionString: process.env.PRISMA_CLI_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
      }),
    ),
});
