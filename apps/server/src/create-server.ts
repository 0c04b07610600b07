import { createServer as createHttpServer, type Server as HttpServer } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { openDatabase } from "@canaduck/db";
import type { Store } from "@canaduck/domain";
import { Server } from "socket.io";
import { logAdminNotices } from "./admin/admin-notices";
import { argon2Hasher } from "./auth/argon2-hasher";
import type { ServerConfig } from "./config";
import { serverDomain } from "./domain-deps";
import { logMetricsAccess, metricsAccess } from "./http/metrics-access";
import { metricsEndpoint } from "./http/metrics-endpoint";
import { createRequestHandler } from "./http/request-handler";
import { createApiHandler } from "./http-api";
import { createLogger, type Logger } from "./logger";
import { startIrcListeners } from "./irc/listener";
import { createMetrics } from "./observability/metrics";
import { timedStore } from "./observability/timed-store";
import { applyEffects } from "./realtime/apply-effects";
import { readOneMessageAtATime } from "./realtime/fair-reading";
import { databaseFileStore } from "./files/database-file-store";
import { discardFiles } from "./files/discard-files";
import { diskFileStore } from "./files/disk-file-store";
import { coalesceWrites } from "./realtime/coalesce-writes";
import { connectReads, type ConnectReads } from "./realtime/connect-batches";
import { handleConnection } from "./realtime/connection";
import { SendBatcher } from "./realtime/send-batcher";
import { handshakeMiddleware } from "./realtime/handshake";
import { ReadGate } from "./realtime/read-gate";
import { PresenceAnnouncer } from "./realtime/presence-announcer";
import { goodbyes, Lifecycle } from "./realtime/lifecycle";
import {
  openVirtualConnection,
  type VirtualConnection,
  type VirtualConnectionOptions,
} from "./realtime/virtual-socket";
import { startSessionSweep } from "./realtime/session-sweep";
import { holdToLimit, startSlowConsumerGuard } from "./realtime/slow-consumer-guard";
import type { ChatServer } from "./realtime/types";
import { boundedHasher } from "./security/bounded-hasher";
import { defaultAllowedOrigins } from "./security/origin-guard";
import { createSecurity } from "./security/security";
import type { PresenceRegistry } from "./scale/presence-registry";
import { redisScaleOut, singleNode } from "./scale/scale-out";
import { WebhookDeliveries } from "./webhooks/delivery-queue";
import { LinkPreviews } from "./previews/link-previews";

export interface ChatServerHandle {
  /** The port actually listened on (useful with port 0). */
  port: number;
  url: string;
  /** Where /metrics is served when METRICS_PORT is set; null when it is on `url`. */
  metricsUrl: string | null;
  /** The IRC gateway's bound ports (useful with IRC_PORT=0); null where it is off. */
  ircPort: number | null;
  ircTlsPort: number | null;
  io: ChatServer;
  logger: Logger;
  /** A connection of a transport other than Socket.IO (IRC, Server-Sent Events), in the same rooms. */
  openConnection(options: VirtualConnectionOptions): VirtualConnection;
  /** Tells clients to reconnect, finishes in-flight commands, closes the database. */
  close(): Promise<void>;
}

/**
 * Test seams: each wraps or replaces one stage a command passes through, so a test can make it
 * fail. A production server passes none.
 */
export interface ServerSeams {
  store?: (store: Store) => Store;
  presence?: (presence: PresenceRegistry) => PresenceRegistry;
  /** The reads that bind a connection to its session (token, user and channels). */
  reads?: (reads: ConnectReads) => ConnectReads;
  applyEffects?: typeof applyEffects;
}

/** Largest event Socket.IO accepts: far below its 1 MB default, above any valid payload. */
const MAX_EVENT_BYTES = 64 * 1024;
/** A readiness probe that hangs is answered as not ready rather than left hanging. */
const READINESS_TIMEOUT_MS = 2_000;

const within = (check: () => Promise<boolean>): Promise<boolean> =>
  new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), READINESS_TIMEOUT_MS);
    check()
      .then(
        (ok) => resolve(ok),
        () => resolve(false),
      )
      .finally(() => clearTimeout(timer));
  });

const listen = (server: HttpServer, port: number, host: string) =>
  new Promise<number>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });

const urlOf = (host: string, port: number) => `http://${host.includes(":") ? `[${host}]` : host}:${port}`;

/** Builds and starts a CanaDuck server: migrations, database, HTTP and Socket.IO. */
export async function createServer(
  config: ServerConfig,
  logger: Logger = createLogger(config.logLevel),
  seams: ServerSeams = {},
): Promise<ChatServerHandle> {
  const database = await openDatabase(config.databaseUrl, config.migrationsDir, logger);
  if (database.applied.length > 0) logger.info({ migrations: database.applied }, "applied database migrations");

  let connectedClients = () => 0;
  const metrics = createMetrics(() => connectedClients());
  const scale = config.redisUrl
    ? await redisScaleOut(config.redisUrl, config.redisPrefix, logger, metrics)
    : singleNode();
  const presence = seams.presence ? seams.presence(scale.presence) : scale.presence;
  const store = timedStore(database.store, metrics.dbLatency);
  const domain = serverDomain(config, {
    store: seams.store ? seams.store(store) : store,
    passwords: boundedHasher(argon2Hasher),
    presence,
  });
  await logAdminNotices(domain, config, logger);

  const readiness = async (): Promise<Record<string, boolean>> => {
    const { redisReady } = scale;
    const [databaseOk, redis] = await Promise.all([
      within(async () => {
        await database.ping();
        return true;
      }),
      redisReady ? within(redisReady) : Promise.resolve(null),
    ]);
    return redis === null ? { database: databaseOk } : { database: databaseOk, redis };
  };
  const access = metricsAccess(config);
  logMetricsAccess(access, logger);
  const serveMetrics = metricsEndpoint(
    async () => ({ body: await metrics.registry.metrics(), contentType: metrics.registry.contentType }),
    access,
  );
  // Built once Socket.IO and the command path exist, which is before the server listens.
  let serveApi: (req: IncomingMessage, res: ServerResponse) => Promise<void> = () =>
    Promise.reject(new Error("the HTTP API is not wired yet"));
  const handleRequest = createRequestHandler({
    webDist: config.webDist,
    readiness,
    metrics: config.metricsPort === null ? serveMetrics : null,
    api: (req, res) => serveApi(req, res),
  });
  const served =
    (handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>) =>
    (req: IncomingMessage, res: ServerResponse) => {
      handler(req, res).catch((error: unknown) => {
        logger.error({ err: error, url: req.url }, "HTTP request failed");
        if (!res.headersSent) res.statusCode = 500;
        res.end();
      });
    };
  const { headersTimeoutMs, requestTimeoutMs } = config.security;
  const httpServer = createHttpServer(
    {
      headersTimeout: headersTimeoutMs,
      requestTimeout: requestTimeoutMs,
      // Node looks for timed-out requests this often (30 s by default, which let one linger that long past its timeout).
      connectionsCheckingInterval: Math.min(1_000, headersTimeoutMs),
    },
    served(handleRequest),
  );
  // Its own port, so it can be left off the balancer and firewalled to the monitoring network.
  const metricsServer =
    config.metricsPort === null
      ? null
      : createHttpServer(
          served(async (req, res) => {
            if (new URL(req.url ?? "/", "http://x").pathname === "/metrics") return serveMetrics(req, res);
            res.statusCode = 404;
            res.end();
          }),
        );
  const security = createSecurity(
    config.security,
    logger,
    () => (httpServer.address() as AddressInfo | null)?.port ?? config.port,
    scale.limiters,
  );
  const io: ChatServer = new Server(httpServer, {
    allowRequest: security.allowRequest,
    maxHttpBufferSize: MAX_EVENT_BYTES,
    serveClient: false,
    pingInterval: config.pingIntervalMs,
    pingTimeout: config.pingTimeoutMs,
  });
  scale.attach(io);
  coalesceWrites(io);
  readOneMessageAtATime(io);
  connectedClients = () => io.engine.clientsCount;
  const lifecycle = new Lifecycle();
  const reads = seams.reads ? seams.reads(connectReads(domain)) : connectReads(domain);
  io.use(handshakeMiddleware(reads, security));
  const sends = new SendBatcher(domain, {
    batch: (size) => metrics.sendBatchSize.observe(size),
    failed: (error) => {
      metrics.sendBatchFailures.inc();
      logger.warn({ err: error }, "a batch of sends failed; running them one by one");
    },
  });
  const fileStore =
    config.files.storage === "database" ? databaseFileStore(database.chunks) : diskFileStore(config.files.dir);
  const webhooks = new WebhookDeliveries(domain.store, config.webhooks, logger);
  const carryOut = seams.applyEffects ?? applyEffects;
  // After commit: a deleted line's file goes with it, and webhooks and link previews hear of an
  // entry once its effects are out, never before the ack.
  const applyAll: typeof applyEffects = async (target, effects) => {
    await carryOut(target, effects);
    await discardFiles(fileStore, effects, logger);
    webhooks.observe(effects);
    previews.observe(effects);
  };
  const previews = new LinkPreviews({
    domain,
    config: config.previews,
    fileStore,
    logger,
    apply: (effects) => applyAll({ io, socket: null, bindSession: () => Promise.resolve() }, effects),
  });
  const announcer = new PresenceAnnouncer(io);
  // One deps object for every connection: per-connection state is what 10,000 idle clients cost.
  const connectionDeps = {
    io,
    domain,
    presence,
    logger,
    metrics,
    queueCapacity: 64,
    closeAfterRefusals: config.security.closeAfterRefusals,
    lifecycle,
    guard: security.guard,
    sends,
    reads,
    readGate: new ReadGate(),
    announcer,
    applyEffects: applyAll,
  };
  const openConnection = (options: VirtualConnectionOptions) => openVirtualConnection(connectionDeps, options);
  serveApi = createApiHandler({
    ...connectionDeps,
    openConnection,
    fileStore,
    files: config.files,
    heartbeatMs: config.pingIntervalMs,
    maxQueuedBytes: config.maxQueuedBytes,
    addressOf: (req) => security.addressOf({ address: req.socket.remoteAddress ?? "", headers: req.headers }),
    allowedOrigins: () =>
      config.security.allowedOrigins ??
      defaultAllowedOrigins((httpServer.address() as AddressInfo | null)?.port ?? config.port, config.host),
  });
  io.on("connection", (socket) => {
    holdToLimit(socket, logger, config.maxQueuedBytes);
    handleConnection(connectionDeps, socket);
  });
  const stopGuard = startSlowConsumerGuard(io, logger, config.maxQueuedBytes);
  const sessionSweep = startSessionSweep(io, domain, logger, config.sessionSweepMs);

  const port = await listen(httpServer, config.port, config.host);
  const url = urlOf(config.host, port);
  const metricsUrl =
    metricsServer === null || config.metricsPort === null
      ? null
      : urlOf(config.host, await listen(metricsServer, config.metricsPort, config.host));
  const irc = await startIrcListeners(config.host, {
    openConnection,
    irc: config.irc,
    maxChannelsPerUser: config.security.maxChannelsPerUser,
    maxQueuedBytes: config.maxQueuedBytes,
    logger,
    clientCount: () => io.of("/").sockets.size,
  });
  logger.info(
    { url, metrics: metricsUrl ?? `${url}/metrics`, irc: irc.port, ircTls: irc.tlsPort, database: database.location },
    "CanaDuck is listening",
  );

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      // Stop accepting connections, let commands in flight commit and answer, then tell
      // everyone to reconnect (to this server restarted, or another node).
      httpServer.close();
      irc.stopAccepting();
      await lifecycle.drain(config.shutdownGraceMs);
      stopGuard();
      webhooks.close();
      previews.close();
      announcer.close();
      await sessionSweep.stop();
      // This node's clients only: through the adapter it would reach every node's.
      io.local.emit("session:ended", { reason: "shutdown" });
      await goodbyes(io.of("/").sockets);
      await irc.close();
      await io.close();
      await scale.close();
      await database.close();
      if (metricsServer) {
        metricsServer.closeAllConnections(); // scrapers keep theirs alive
        await new Promise((resolve) => metricsServer.close(resolve));
      }
      logger.info("CanaDuck stopped");
    })());

  return { port, url, metricsUrl, ircPort: irc.port, ircTlsPort: irc.tlsPort, io, logger, close, openConnection };
}
