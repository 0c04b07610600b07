import { randomUUID } from "node:crypto";
import { createClient } from "redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { redisRateLimiters } from "../../src/security/redis-rate-limiter";

/** The Redis that development and CI machines run (docs: shared/ENVIRONMENT.md). */
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

describe("rate limits shared through Redis", () => {
  const client = createClient({ url: REDIS_URL });
  const prefix = `canaduck-test-${randomUUID()}`;
  beforeAll(async () => {
    await client.connect();
  });
  afterAll(async () => {
    const keys = await client.keys(`${prefix}*`);
    if (keys.length > 0) await client.del(keys);
    await client.quit();
  });

  it("counts one budget across servers: what one server spent, another sees", async () => {
    const rule = { points: 3, durationSeconds: 60 };
    const serverA = redisRateLimiters(client, prefix)("sendPerUser", rule);
    const serverB = redisRateLimiters(client, prefix)("sendPerUser", rule);
    expect(await serverA.consume("alice")).toEqual({ allowed: true });
    expect(await serverB.consume("alice")).toEqual({ allowed: true });
    await serverB.refund("alice"); // a login that succeeded gives its attempt back, wherever it is counted
    expect(await serverA.consume("alice")).toEqual({ allowed: true });
    expect(await serverB.consume("alice")).toEqual({ allowed: true });
    const refused = await serverA.consume("alice");
    expect(refused.allowed).toBe(false);
    expect(refused.allowed ? 0 : refused.retryAfterMs).toBeGreaterThan(55_000);
    expect(await serverA.consume("bob")).toEqual({ allowed: true });
  });
});
