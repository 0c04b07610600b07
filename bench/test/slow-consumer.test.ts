import { expect, it } from "vitest";
import { slowConsumer } from "../src/faults/slow-consumer";

it("drops a client that stopped reading instead of buffering for it, and others keep their latency", async () => {
  const result = await slowConsumer({ publishers: 2, rate: 80, durationMs: 10_000, maxQueuedBytes: 512 * 1024 });
  console.log("slow consumer:", JSON.stringify(result));
  // Many times the 512 KiB the server may buffer for one connection went its way.
  expect(result.bytesToSlowClient).toBeGreaterThan(5_500_000);
  expect(result.slowClientDropped).toBe(true);
  expect(result.unheard).toBe(0);
  expect(result.peakRss - result.baselineRss).toBeLessThan(100 * 1024 * 1024);
  // The same load with the stalled client in the channel: bystanders barely notice.
  expect(result.loadWithSlowClientP99Ms).toBeLessThan(3 * result.loadP99Ms + 250);
});
