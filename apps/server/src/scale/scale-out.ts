import { createAdapter } from "@socket.io/redis-adapter";
import type { Logger } from "../logger";
import type { Metrics } from "../observability/metrics";
import { PresenceTracker } from "../realtime/presence-tracker";
import type { ChatServer } from "../realtime/types";
import { memoryRateLimiters, type RateLimiterFactory } from "../security/rate-limiter";
import { redisRateLimiters } from "../security/redis-rate-limiter";
import type { PresenceRegistry } from "./presence-registry";
import { connectRedis, type RedisConnections } from "./redis-connection";
import { RedisPresence } from "./redis-presence";

/** What differs between one node and several: where presence and rate limits live, and how broadcasts travel. */
export interface ScaleOut {
  presence: PresenceRegistry;
  limiters: RateLimiterFactory;
  /** Installs the adapter that carries broadcasts, room changes and disconnects to every node. */
  attach(io: ChatServer): void;
  /** Whether Redis answers; absent on a single node. */
  redisReady?: () => Promise<boolean>;
  close(): Promise<void>;
}

export function singleNode(): ScaleOut {
  const presence = new PresenceTracker();
  return { presence, limiters: memoryRateLimiters, attach: () => undefined, close: () => presence.close() };
}

/**
 * Several nodes sharing Redis: Socket.IO's Redis adapter (pub/sub) so a broadcast, a
 * socketsJoin/socketsLeave or a disconnectSockets on one node reaches sockets on all of them;
 * presence and rate limits kept in Redis rather than in one process's memory.
 */
export async function redisScaleOut(url: string, prefix: string, logger: Logger, metrics: Metrics): Promise<ScaleOut> {
  const redis: RedisConnections = await connectRedis(url, prefix, logger);
  const presence = new RedisPresence(redis.data, prefix);
  await presence.start();
  // Counts what this node sends to the others, for the adapter-traffic metric.
  const publish = redis.pub.publish.bind(redis.pub);
  const counted: typeof publish = (...args) => {
    metrics.adapterMessages.inc();
    const sent = publish(...args);
    // The adapter does not wait for its publishes: one failing (Redis down, or closed while
    // the node shuts down) would otherwise be an unhandled rejection.
    sent.catch((error: unknown) =>
      logger.warn({ err: error }, "Redis publish failed: a broadcast did not reach the other nodes"),
    );
    return sent;
  };
  Object.defineProperty(redis.pub, "publish", { value: counted, configurable: true });
  return {
    presence,
    limiters: redisRateLimiters(redis.data, prefix),
    attach: (io) => io.adapter(createAdapter(redis.pub, redis.sub, { key: `${prefix}:socket.io` })),
    redisReady: async () => (await redis.data.ping()) === "PONG",
    async close() {
      await presence.close().catch(() => undefined);
      await redis.close();
    },
  };
}
