import { setFlagsFromString } from "node:v8";
import { loadConfig } from "./config";
import { createServer } from "./create-server";

// V8 grows its heap by up to four times what is live when it allocates fast, and keeps it: a
// burst of thousands of clients connecting left a node holding about 50 KiB per idle connection,
// most of it empty heap. Growing by a fifth at a time keeps that near 20 KiB; bench/load.ts
// measured no cost in messages persisted per second or in delivery latency.
setFlagsFromString("--heap-growing-percent=20");

/** Reads the configuration and runs the server until SIGTERM or SIGINT. */
async function main(): Promise<void> {
  const server = await createServer(loadConfig());
  const stop = (signal: string) => {
    server.logger.info({ signal }, "shutting down");
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        server.logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", () => stop("SIGTERM"));
  process.once("SIGINT", () => stop("SIGINT"));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
