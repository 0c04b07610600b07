// Prisma's CLI is run with the JavaScript engine and a libSQL driver adapter, so it
// never downloads a native engine (which fails offline). Paths are relative to this file:
//   npx prisma generate --config prisma.config.ts       (in packages/db; npm run db:generate)
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaLibSQL } from "@prisma/adapter-libsql";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  adapter: () =>
    Promise.resolve(new PrismaLibSQL({ url: process.env.PRISMA_CLI_DATABASE_URL ?? "file:./prisma/dev.db" })),
});
