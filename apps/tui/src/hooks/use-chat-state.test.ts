import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { coalesced, FRAME_MS } from "./use-chat-state";

/** A store's subscribe, and the way to tell its listeners of a change. */
function store() {
  const listeners = new Set<() => void>();
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  };
  return { subscribe, change: () => listeners.forEach((l) => l()) };
}

describe("redraws for the client core's changes", () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it("draws a lone change at once, and a flood at most once a frame, its last change included", () => {
    const { subscribe, change } = store();
    let version = 0;
    const drawn: number[] = [];
    coalesced(subscribe)(() => drawn.push(version));
    version++;
    change();
    expect(drawn).toEqual([1]);

    // 200 lines a second for a second, after a quiet.
    vi.advanceTimersByTime(5_000);
    drawn.length = 0;
    for (let i = 0; i < 200; i++) {
      version++;
      change();
      vi.advanceTimersByTime(5);
    }
    vi.advanceTimersByTime(FRAME_MS);
    expect(drawn.length).toBeLessThanOrEqual(1_000 / FRAME_MS + 1);
    // The burst's end is drawn soon after it, not left waiting for another change.
    expect(drawn.at(-1)).toBe(version);
    const frames = drawn.length;
    vi.advanceTimersByTime(10 * FRAME_MS);
    expect(drawn.length).toBe(frames);
  });

  it("stops telling once unsubscribed, a pending redraw included", () => {
    const { subscribe, change } = store();
    let redraws = 0;
    const unsubscribe = coalesced(subscribe)(() => redraws++);
    change();
    change();
    unsubscribe();
    vi.advanceTimersByTime(FRAME_MS * 2);
    expect(redraws).toBe(1);
  });
});
