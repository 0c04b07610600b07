import { expect, it } from "vitest";
import { reconnectStorm } from "../src/faults/reconnect-storm";
import { noViolations } from "../src/consistency";

it("loses and doubles nothing while connections are cut a thousand times under load", async () => {
  const result = await reconnectStorm({ clients: 6, publishers: 3, channels: 2, reconnects: 1000, rate: 20 });
  console.log("reconnect storm:", JSON.stringify(result));
  expect(result.reconnects).toBe(1000);
  expect(result.sent).toBeGreaterThan(100);
  expect(result.acked).toBe(result.sent);
  expect(result.stored).toBe(result.sent);
  expect(result).toMatchObject(noViolations);
});
