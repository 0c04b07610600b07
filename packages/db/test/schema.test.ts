import { execFile } from "node:child_process";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { postgresMigrationsDir, sqliteMigrationsDir } from "../src/migrations-dir";

const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const migrationNames = async (dir: string) =>
  (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();

describe("the schema", () => {
  it("keeps the PostgreSQL schema derived from the SQLite one, with a PostgreSQL migration for every SQLite migration", async () => {
    // Fails when prisma/schema.prisma changed and `npm run db:derive` was not run.
    await promisify(execFile)(process.execPath, [
      path.join(packageRoot, "scripts", "derive-postgres-schema.mjs"),
      "--check",
    ]);
    const sqlite = await migrationNames(sqliteMigrationsDir);
    expect(sqlite.length).toBeGreaterThan(0);
    expect(await migrationNames(postgresMigrationsDir)).toEqual(sqlite);
  });
});
