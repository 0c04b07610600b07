import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createClient } from "@libsql/client";
import { describe, expect, it } from "vitest";
import { applyMigrations } from "../src/apply-migrations";
import { sqliteMigrationsDir } from "../src/migrations-dir";
import { bool, date, tables } from "../src/tables";

describe("the raw statements' table definitions", () => {
  it("name every column the migrations create, and no other, for each table they read or write", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "canaduck-tables-"));
    const file = path.join(dir, "tables.db");
    await applyMigrations(file, sqliteMigrationsDir);
    const client = createClient({ url: `file:${file}` });
    try {
      for (const table of Object.values(tables)) {
        const info = await client.execute(`PRAGMA table_info("${table.name}")`);
        expect([...table.columns].sort(), table.name).toEqual(
          info.rows.map((r) => (typeof r.name === "string" ? r.name : "")).sort(),
        );
      }
    } finally {
      client.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("coerce what either driver returns into the typed API's values", () => {
    expect([1, 1n, "1", true, "true"].map(bool)).toEqual([true, true, true, true, true]);
    expect([0, 0n, "0", false, null].map(bool)).toEqual([false, false, false, false, false]);
    const at = "2026-03-01T10:00:00.123Z";
    expect(
      [at, "2026-03-01 10:00:00.123", new Date(at), "2026-03-01T11:00:00.123+01:00"].map((v) => date(v).toISOString()),
    ).toEqual([at, at, at, at]);
    const row = tables.session.coerce({
      id: "s",
      userId: "u",
      tokenHash: "h",
      createdAt: at,
      expiresAt: at,
      revokedAt: null,
      kind: "token",
      name: "ci",
      scopes: "read",
      extra: 1,
    });
    expect(row).toEqual({
      id: "s",
      userId: "u",
      tokenHash: "h",
      createdAt: new Date(at),
      expiresAt: new Date(at),
      revokedAt: null,
      kind: "token",
      name: "ci",
      scopes: "read",
    });
  });
});
