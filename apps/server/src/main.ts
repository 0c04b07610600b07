import { loadConfig } from "./config";
import { createServer } from "./create-server";

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
