import { defineConfig } from "vitest/config";

export default defineConfig({
  // Fault scenarios start real server processes: one file at a time on a 2-core machine.
  test: { include: ["test/**/*.test.ts"], testTimeout: 180_000, hookTimeout: 60_000, fileParallelism: false },
});
