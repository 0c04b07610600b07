import { expect, it } from "vitest";
import { databaseOutage } from "../src/faults/database-outage";
import { noViolations } from "../src/consistency";

it("answers UNAVAILABLE while the database is locked away, then delivers everything once", async () => {
  const result = await databaseOutage({ clients: 4, publishers: 3, rate: 25, outageMs: 3_000 });
  console.log("database outage:", JSON.stringify(result));
  expect(result.unavailableAnswers).toBeGreaterThan(0);
  expect(result.acked).toBe(result.sent);
  expect(result.stored).toBe(result.sent);
  expect(result).toMatchObject(noViolations);
});
