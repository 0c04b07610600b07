import type { EventEmitter } from "node:events";

/** How long the client must have been idle (no change from the server, no key) after a burst. */
export const IDLE_MS = 1_000;
/** Changes of the core's state that make a burst: a flood of lines, a long catch-up. */
export const BURST_CHANGES = 200;

/**
 * After a burst of lines, once the client has been idle for `idleMs`, runs `collect` once: V8
 * keeps the heap a burst grew to (7 MiB after 10,000 lines) until its own memory reducer runs,
 * some 8 s later. Never during a burst or while keys are typed, so the pause (~50 ms) is one
 * nobody waits on. Returns the function that stops watching.
 */
export function collectAfterBursts(
  subscribe: (listener: () => void) => () => void,
  keys: EventEmitter,
  collect: () => void,
  idleMs = IDLE_MS,
  burst = BURST_CHANGES,
): () => void {
  let changes = 0;
  let timer: NodeJS.Timeout | null = null;
  const fire = () => {
    timer = null;
    changes = 0;
    collect();
  };
  const wait = () => {
    if (timer !== null) clearTimeout(timer);
    timer = changes >= burst ? setTimeout(fire, idleMs) : null;
    // Waiting to collect must not keep a finished client running.
    timer?.unref();
  };
  const unsubscribe = subscribe(() => {
    changes += 1;
    wait();
  });
  keys.on("data", wait);
  return () => {
    unsubscribe();
    keys.off("data", wait);
    if (timer !== null) clearTimeout(timer);
  };
}
