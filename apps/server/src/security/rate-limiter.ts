import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { RateRule } from "./rate-rule";

export type RateVerdict = { allowed: true } | { allowed: false; retryAfterMs: number };

/** Counts actions per key (a user id, an address, an account name) within a fixed window. */
export interface RateLimiter {
  /** Spends one action of `key`'s budget, or says how long until there is one. */
  consume(key: string): Promise<RateVerdict>;
  /** Gives one action back, as when a login that counted against the budget succeeded. */
  refund(key: string): Promise<void>;
  /** Spends `points` whatever is left, for a cost known only afterwards (bytes of an answer). */
  spendAfter(key: string, points: number): Promise<void>;
  /** Whether anything is left of `key`'s budget, spending nothing. */
  peek(key: string): Promise<RateVerdict>;
}

/**
 * Builds the limiter for one rule. `memoryRateLimiters` counts per process; servers that share
 * their load pass `redisRateLimiters(client, prefix)` (redis-rate-limiter.ts) instead.
 */
export type RateLimiterFactory = (name: string, rule: RateRule) => RateLimiter;

/** Wraps a rate-limiter-flexible limiter, whatever store backs it. */
export function fromFlexible(limiter: RateLimiterAbstract): RateLimiter {
  return {
    async consume(key) {
      try {
        await limiter.consume(key);
        return { allowed: true };
      } catch (rejection) {
        // The library rejects with a RateLimiterRes when the budget is spent, with an Error when its store fails.
        if (rejection instanceof RateLimiterRes)
          return { allowed: false, retryAfterMs: Math.max(1, Math.ceil(rejection.msBeforeNext)) };
        throw rejection;
      }
    },
    async refund(key) {
      await limiter.reward(key, 1);
    },
    async spendAfter(key, points) {
      await limiter.penalty(key, points);
    },
    async peek(key) {
      const used = await limiter.get(key);
      if (used === null || used.consumedPoints < limiter.points) return { allowed: true };
      return { allowed: false, retryAfterMs: Math.max(1, Math.ceil(used.msBeforeNext)) };
    },
  };
}

export const memoryRateLimiters: RateLimiterFactory = (name, rule) =>
  fromFlexible(new RateLimiterMemory({ keyPrefix: name, points: rule.points, duration: rule.durationSeconds }));

/** A limit that is switched off: everything is allowed. */
export const unlimited: RateLimiter = {
  consume: () => Promise.resolve({ allowed: true }),
  refund: () => Promise.resolve(),
  spendAfter: () => Promise.resolve(),
  peek: () => Promise.resolve({ allowed: true }),
};
