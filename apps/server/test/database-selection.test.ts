import { execFile } from "node:child_process";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config";
import { repoRoot } from "../src/paths";

const migrationNames = async (dir: string) =>
  (await readdir(path.join(repoRoot, dir), { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();

describe("choosing the database", () => {
  it("takes SQLite file: URLs and PostgreSQL URLs, each with its own migrations", () => {
    expect(loadConfig({ DATABASE_URL: "file:./x.db" }).migrationsDir).toBe(path.join(repoRoot, "prisma", "migrations"));
    for (const url of ["postgres://canaduck@db.internal:5432/chat", "postgresql://canaduck:secret@127.0.0.1/chat?sslmode=disable"]) {
      const config = loadConfig({ DATABASE_URL: url });
      expect(config.databaseUrl).toBe(url);
      expect(config.migrationsDir).toBe(path.join(repoRoot, "prisma", "postgres", "migrations"));
    }
  });

  it("refuses any other URL with a message naming DATABASE_URL", () => {
    expect(() => loadConfig({ DATABASE_URL: "mysql://root@127.0.0.1/chat" })).toThrow(/DATABASE_URL: .*file:.*postgresql:/);
  });

  it("keeps the PostgreSQL schema derived from the SQLite one, with a PostgreSQL migration for every SQLite migration", async () => {
    // Fails when prisma/schema.prisma changed and `npm run db:derive` was not run.
    await promisify(execFile)(process.execPath, [path.join(repoRoot, "scripts", "derive-postgres-schema.mjs"), "--check"]);
    expect(await migrationNames("prisma/postgres/migrations")).toEqual(await migrationNames("prisma/migrations"));
  });
});
