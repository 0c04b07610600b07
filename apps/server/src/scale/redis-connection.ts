import { createClient } from "redis";
import type { Logger } from "../logger";

/** Reconnects with backoff (50 ms doubling, at most 2 s) when Redis goes away. */
const newClient = (url: string) =>
  createClient({ url, socket: { reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 2_000) } });

export type RedisClient = ReturnType<typeof newClient>;

export interface RedisConnections {
  /** Publishes the Socket.IO adapter's broadcasts. */
  pub: RedisClient;
  /** Subscribes to them (a subscribed connection can do nothing else). */
  sub: RedisClient;
  /** Shared state: presence, rate limits. */
  data: RedisClient;
  /** Key prefix of this deployment (tests give each run its own). */
  prefix: string;
  close(): Promise<void>;
}

/**
 * Opens the three Redis connections a node needs. The clients reconnect by themselves with
 * backoff when Redis restarts; errors are logged, not thrown, so a Redis blip does not crash the node.
 */
export async function connectRedis(url: string, prefix: string, logger: Logger): Promise<RedisConnections> {
  const make = (role: string) => {
    const client = newClient(url);
    client.on("error", (error: unknown) => logger.warn({ err: error, redis: role }, "Redis connection error"));
    return client;
  };
  const pub = make("pub");
  const sub = make("sub");
  const data = make("data");
  await Promise.all([pub.connect(), sub.connect(), data.connect()]);
  return {
    pub,
    sub,
    data,
    prefix,
    async close() {
      await Promise.allSettled([pub.quit(), sub.quit(), data.quit()]);
    },
  };
}
