import { EventEmitter } from "node:events";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { BURST_CHANGES, collectAfterBursts, IDLE_MS } from "./memory-after-bursts";

/** A store's subscribe, a keyboard, and how often memory was collected. */
function setup() {
  const listeners = new Set<() => void>();
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  };
  const keys = new EventEmitter();
  const collected = { count: 0 };
  const stop = collectAfterBursts(subscribe, keys, () => collected.count++);
  const lines = (n: number) => {
    for (let i = 0; i < n; i++) listeners.forEach((l) => l());
  };
  return { keys, collected, stop, lines };
}

describe("memory after a burst of lines", () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it("is given back once the client is idle after 10,000 lines, not during them", () => {
    const { collected, lines } = setup();
    for (let i = 0; i < 100; i++) {
      lines(100);
      vi.advanceTimersByTime(IDLE_MS / 2);
    }
    expect(collected.count).toBe(0);
    vi.advanceTimersByTime(IDLE_MS);
    expect(collected.count).toBe(1);
    vi.advanceTimersByTime(10 * IDLE_MS);
    expect(collected.count).toBe(1);
  });

  it("waits while keys are typed, and does nothing after a few lines", () => {
    const { keys, collected, lines, stop } = setup();
    lines(BURST_CHANGES - 1);
    vi.advanceTimersByTime(10 * IDLE_MS);
    expect(collected.count).toBe(0);
    lines(1);
    vi.advanceTimersByTime(IDLE_MS / 2);
    keys.emit("data", "x");
    vi.advanceTimersByTime(IDLE_MS / 2);
    keys.emit("data", "y");
    vi.advanceTimersByTime(IDLE_MS - 1);
    expect(collected.count).toBe(0);
    vi.advanceTimersByTime(1);
    expect(collected.count).toBe(1);
    lines(BURST_CHANGES);
    stop();
    vi.advanceTimersByTime(10 * IDLE_MS);
    expect(collected.count).toBe(1);
  });
});
