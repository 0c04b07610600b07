import { expect, it } from "vitest";
import { crashRecovery } from "../src/faults/crash-recovery";
import { noViolations } from "../src/consistency";

it("keeps every acknowledged message, once, when the server is SIGKILLed under load", async () => {
  const result = await crashRecovery({
    clients: 4,
    publishers: 3,
    rate: 25,
    crashes: 2,
    uptimeMs: 2_000,
    downtimeMs: 1_000,
  });
  console.log("crash recovery:", JSON.stringify(result));
  expect(result.ackedBeforeCrash).toBeGreaterThan(0);
  expect(result.acked).toBe(result.sent);
  expect(result.stored).toBe(result.sent);
  expect(result).toMatchObject(noViolations);
});
