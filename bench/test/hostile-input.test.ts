import { expect, it } from "vitest";
import { hostileInput } from "../src/faults/hostile-input";

it("answers 10,000 hostile events with coded errors while a bystander keeps chatting", async () => {
  // A capped heap: a leak would crash the server instead of hiding behind lazy GC.
  const result = await hostileInput({
    events: 10_000,
    concurrency: 4,
    serverEnv: { NODE_OPTIONS: "--max-old-space-size=160" },
  });
  console.log("hostile input:", JSON.stringify(result));
  expect(result.events).toBe(10_000);
  expect(result.uncoded).toBe(0);
  expect(result.codedErrors).toBeGreaterThan(5_000);
  // Only events on a connection closed for an oversized event go unanswered (up to the
  // concurrency in flight on it).
  expect(result.refused).toBeLessThanOrEqual((result.reconnects + 1) * 4);
  expect(result.serverAlive).toBe(true);
  expect(result.unheard).toBe(0);
  expect(result.peakRss - result.baselineRss).toBeLessThan(150 * 1024 * 1024);
  // "Normal latency" on a shared 2-core machine that also runs the attack: within 10x of
  // the quiet baseline, and under half a second.
  expect(result.underAttackP99Ms).toBeLessThan(Math.max(10 * result.baselineP99Ms, 100));
  expect(result.underAttackP99Ms).toBeLessThan(500);
});
