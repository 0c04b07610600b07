import { defineConfig } from "vitest/config";

// The suite runs twice (package.json "test"): on SQLite, then with TEST_DATABASE=postgres,
// which adds the tests that need a PostgreSQL server of their own.
const postgresOnly = "test/postgres/**/*.test.ts";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    exclude: ["**/node_modules/**", ...(process.env.TEST_DATABASE === "postgres" ? [] : [postgresOnly])],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
