import { createServer as createHttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { openDatabase } from "@canaduck/db";
import type { DomainDeps } from "@canaduck/domain";
import { Server } from "socket.io";
import { argon2Hasher } from "./auth/argon2-hasher";
import type { ServerConfig } from "./config";
import { createRequestHandler } from "./http/request-handler";
import { createLogger, type Logger } from "./logger";
import { createMetrics } from "./observability/metrics";
import { timedStore } from "./observability/timed-store";
import { coalesceWrites } from "./realtime/coalesce-writes";
import { connectReads } from "./realtime/connect-batches";
import { handleConnection } from "./realtime/connection";
import { SendBatcher } from "./realtime/send-batcher";
import { handshakeMiddleware } from "./realtime/handshake";
import { Lifecycle } from "./realtime/lifecycle";
import { startSlowConsumerGuard } from "./realtime/slow-consumer-guard";
import type { ChatServer } from "./realtime/types";
import { boundedHasher } from "./security/bounded-hasher";
import { createSecurity } from "./security/security";
import { redisScaleOut, singleNode } from "./scale/scale-out";

export interface ChatServerHandle {
  /** The port actually listened on (useful with port 0). */
  port: number;
  url: string;
  io: ChatServer;
  logger: Logger;
  /** Tells clients to reconnect, finishes in-flight commands, closes the database. */
  close(): Promise<void>;
}

/** Largest event Socket.IO accepts: far below its 1 MB default, above any valid payload. */
const MAX_EVENT_BYTES = 64 * 1024;

/** Builds and starts a CanaDuck server: migrations, database, HTTP and Socket.IO. */
export async function createServer(config: ServerConfig, logger: Logger = createLogger(config.logLevel)): Promise<ChatServerHandle> {
  const database = await openDatabase(config.databaseUrl, config.migrationsDir, logger);
  if (database.applied.length > 0) logger.info({ migrations: database.applied }, "applied database migrations");

  let connectedClients = () => 0;
  const metrics = createMetrics(() => connectedClients());
  const scale = config.redisUrl ? await redisScaleOut(config.redisUrl, config.redisPrefix, logger, metrics) : singleNode();
  const presence = scale.presence;
  const domain: DomainDeps = {
    store: timedStore(database.store, metrics.dbLatency),
    clock: { now: () => new Date() },
    ids: { newId: randomUUID },
    passwords: boundedHasher(argon2Hasher),
    presence,
    config: { sessionTtlMs: config.sessionTtlMs, adminNames: config.adminNames, maxChannelsPerUser: config.security.maxChannelsPerUser },
  };

  const health = async () => {
    await database.ping();
    return true;
  };
  const readiness = async (): Promise<Record<string, boolean>> => {
    const checks: Record<string, boolean> = { database: await health().catch(() => false) };
    if (scale.redisReady) checks.redis = await scale.redisReady().catch(() => false);
    return checks;
  };
  const handleRequest = createRequestHandler({
    webDist: config.webDist,
    health,
    readiness,
    metrics: async () => ({ body: await metrics.registry.metrics(), contentType: metrics.registry.contentType }),
  });
  const httpServer = createHttpServer((req, res) => {
    handleRequest(req, res).catch((error: unknown) => {
      logger.error({ err: error, url: req.url }, "HTTP request failed");
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
  const security = createSecurity(config.security, logger, () => (httpServer.address() as AddressInfo | null)?.port ?? config.port, scale.limiters);
  const io: ChatServer = new Server(httpServer, {
    allowRequest: security.allowRequest,
    maxHttpBufferSize: MAX_EVENT_BYTES,
    serveClient: false,
    pingInterval: config.pingIntervalMs,
    pingTimeout: config.pingTimeoutMs,
  });
  scale.attach(io);
  coalesceWrites(io);
  connectedClients = () => io.engine.clientsCount;
  const lifecycle = new Lifecycle();
  const reads = connectReads(domain);
  io.use(handshakeMiddleware(reads, security));
  const sends = new SendBatcher(domain, {
    batch: (size) => metrics.sendBatchSize.observe(size),
    failed: (error) => {
      metrics.sendBatchFailures.inc();
      logger.warn({ err: error }, "a batch of sends failed; running them one by one");
    },
  });
  // One deps object for every connection: per-connection state is what 10,000 idle clients cost.
  const connectionDeps = { io, domain, presence, logger, metrics, queueCapacity: 64, lifecycle, guard: security.guard, sends, reads };
  io.on("connection", (socket) => handleConnection(connectionDeps, socket));
  const stopGuard = startSlowConsumerGuard(io, logger, config.maxQueuedBytes);

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://${config.host.includes(":") ? `[${config.host}]` : config.host}:${port}`;
  logger.info({ url, database: database.location }, "CanaDuck is listening");

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      // Stop accepting connections, let commands in flight commit and answer, then tell
      // everyone to reconnect (to this server restarted, or another node).
      httpServer.close();
      await lifecycle.drain(config.shutdownGraceMs);
      stopGuard();
      io.emit("session:ended", { reason: "shutdown" });
      await io.close();
      await scale.close();
      await database.close();
      logger.info("CanaDuck stopped");
    })());

  return { port, url, io, logger, close };
}
