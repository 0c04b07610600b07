import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { postgresMigrationsDir } from "../../src/migrations-dir";
import { applyPostgresMigrations } from "../../src/postgres-migrations";
import { freshPostgresDatabase } from "../../src/testing";
import {
  EXISTING,
  expected,
  fromLogEntries,
  MARKERS,
  MEMBER_COUNTS,
  migrationsBefore,
  VERSIONS,
} from "../log-entries-fixture";

describe("the log-entries migration on a PostgreSQL database with data", () => {
  it("makes every existing line its own version and starts each member's marker at the end", async () => {
    const database = freshPostgresDatabase();
    const pool = new pg.Pool({ connectionString: await database.url() });
    // Dropping the database ends the pool's sockets with an error that is not the test's.
    pool.on("error", () => undefined);
    const dir = mkdtempSync(path.join(tmpdir(), "canaduck-migrate-"));
    try {
      await applyPostgresMigrations(pool, migrationsBefore(postgresMigrationsDir, dir));
      for (const sql of EXISTING) await pool.query(sql);
      expect(await applyPostgresMigrations(pool, postgresMigrationsDir)).toEqual(fromLogEntries(postgresMigrationsDir));
      expect((await pool.query(VERSIONS)).rows).toEqual(expected.versions);
      expect((await pool.query(MARKERS)).rows).toEqual(expected.markers);
      expect((await pool.query(MEMBER_COUNTS)).rows).toEqual(expected.memberCounts);
    } finally {
      await pool.end();
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
