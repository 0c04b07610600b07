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
  const { logger } = server;
  let stopping = false;
  const stop = (reason: string, code: number) => {
    // Ctrl+C reaches this process twice (from the terminal and forwarded by npm): one shutdown.
    if (stopping) return;
    stopping = true;
    logger.info({ reason }, "shutting down");
    server.close().then(
      () => process.exit(code),
      (error: unknown) => {
        logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => stop("SIGTERM", 0));
  process.on("SIGINT", () => stop("SIGINT", 0));

  // A promise nobody awaited failed: that work is lost, but the state it left is its own
  // (every command runs in a transaction and catches its failure), so the node keeps serving.
  process.on("unhandledRejection", (reason) => {
    logger.fatal({ err: reason }, "unhandled promise rejection; still serving");
  });
  // An exception thrown out of a callback left some state half-changed where no one can say
  // what: finish what is in flight and tell clients to reconnect, then exit non-zero so the
  // supervisor starts a clean process.
  process.on("uncaughtException", (error) => {
    logger.fatal({ err: error }, "uncaught exception; shutting down");
    stop("uncaughtException", 1);
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
