import { RateLimiterMemory, RateLimiterRedis } from "rate-limiter-flexible";
import { fromFlexible, type RateLimiterFactory } from "./rate-limiter";

/**
 * Rate limits shared by every server through Redis: pass `redisRateLimiters(client, prefix)` to
 * createSecurity instead of the memory factory. `client` is a connected node-redis client. While
 * Redis is unreachable each server falls back to counting in its own memory, so a Redis outage
 * neither lets floods through nor refuses everyone.
 */
export const redisRateLimiters =
  (client: object, prefix: string): RateLimiterFactory =>
  (name, rule) =>
    fromFlexible(
      new RateLimiterRedis({
        storeClient: client,
        useRedisPackage: true,
        rejectIfRedisNotReady: true,
        keyPrefix: `${prefix}:${name}`,
        points: rule.points,
        duration: rule.durationSeconds,
        insuranceLimiter: new RateLimiterMemory({
          keyPrefix: name,
          points: rule.points,
          duration: rule.durationSeconds,
        }),
      }),
    );
