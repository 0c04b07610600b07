import { describe, expect, it } from "vitest";
import { canaduckFanout, ngircdFanout, type FanoutCaseResult, type FanoutShape } from "../src/irc/fanout-cases";

// The IRC fan-out bench in small (20 clients over 2 channels, two short steps), so the generator
// and both servers' wiring stay working; figures come from `npm run bench:irc`, never from here.
const smoke: FanoutShape = {
  clients: 20,
  channels: 2,
  lineBytes: 400,
  rates: [20, 40],
  stepMs: 1_000,
  // A smoke run reports every step, however slow a loaded machine makes it.
  p99LimitMs: Number.POSITIVE_INFINITY,
};

function expectEveryLineOnce(result: FanoutCaseResult): void {
  expect(result.steps.map((s) => s.rate)).toEqual([20, 40]);
  for (const step of result.steps) {
    expect(step.lines).toBeGreaterThan(0);
    // 10 members a channel: each line reaches the 9 others.
    expect(step.expected).toBe(step.lines * 9);
    expect(step.deliveries).toBe(step.expected);
    expect(step.duplicated).toBe(0);
    expect(step.lost).toBe(0);
  }
  expect(result.idleBytesPerConnection).toBeGreaterThan(0);
}

describe("the IRC fan-out generator", () => {
  it("against ngircd: every line reaches each other member of its channel once, in its sender's order", async () => {
    expectEveryLineOnce(await ngircdFanout(smoke));
  });

  it("against CanaDuck's gateway (PASS login): the same, and every line sent is stored", async () => {
    const result = await canaduckFanout(smoke);
    expectEveryLineOnce(result);
    expect(result.stored).toBe(result.sent);
  });
});
