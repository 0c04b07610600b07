import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createClient } from "@libsql/client";
import { afterEach, describe, expect, it } from "vitest";
import { applyMigrations } from "../src/apply-migrations";
import { sqliteMigrationsDir } from "../src/migrations-dir";
import {
  EXISTING,
  expected,
  fromLogEntries,
  MARKERS,
  MEMBER_COUNTS,
  migrationsBefore,
  VERSIONS,
} from "./log-entries-fixture";

describe("the log-entries migration on a SQLite database with data", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const tempDir = () => {
    const dir = mkdtempSync(path.join(tmpdir(), "canaduck-migrate-"));
    dirs.push(dir);
    return dir;
  };

  it("makes every existing line its own version and starts each member's marker at the end", async () => {
    const file = path.join(tempDir(), "chat.db");
    await applyMigrations(file, migrationsBefore(sqliteMigrationsDir, tempDir()));
    const client = createClient({ url: `file:${file}` });
    try {
      for (const sql of EXISTING) await client.execute(sql);
      expect(await applyMigrations(file, sqliteMigrationsDir)).toEqual(fromLogEntries(sqliteMigrationsDir));
      const rows = async (sql: string) => (await client.execute(sql)).rows.map((row) => ({ ...row }));
      expect(await rows(VERSIONS)).toEqual(expected.versions);
      expect(await rows(MARKERS)).toEqual(expected.markers);
      expect(await rows(MEMBER_COUNTS)).toEqual(expected.memberCounts);
    } finally {
      client.close();
    }
  });
});
