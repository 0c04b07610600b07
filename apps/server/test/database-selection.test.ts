import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config";
import { repoRoot } from "../src/paths";

// The schema-staleness and migration-parity checks live with the schema: packages/db/test/schema.test.ts.

describe("choosing the database", () => {
  it("takes SQLite file: URLs and PostgreSQL URLs, each with its own migrations", () => {
    expect(loadConfig({ DATABASE_URL: "file:./x.db" }).migrationsDir).toBe(
      path.join(repoRoot, "packages", "db", "prisma", "migrations"),
    );
    for (const url of [
      "postgres://canaduck@db.internal:5432/chat",
      "postgresql://canaduck:secret@127.0.0.1/chat?sslmode=disable",
    ]) {
      const config = loadConfig({ DATABASE_URL: url });
      expect(config.databaseUrl).toBe(url);
      expect(config.migrationsDir).toBe(path.join(repoRoot, "packages", "db", "prisma", "postgres", "migrations"));
    }
  });

  it("refuses any other URL with a message naming DATABASE_URL", () => {
    expect(() => loadConfig({ DATABASE_URL: "mysql://root@127.0.0.1/chat" })).toThrow(
      /DATABASE_URL: .*file:.*postgresql:/,
    );
  });
});
