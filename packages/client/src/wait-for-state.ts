import type { ChatState } from "./state";

/** What holds a chat state and says when it changes: a ChatClient. */
export interface StateSource {
  getState(): ChatState;
  subscribe(listener: () => void): () => void;
}

/**
 * Resolves with the first state that satisfies `ready`, the current one included, so a caller
 * never misses a change that happened before it started waiting. Rejects after `timeoutMs`.
 */
export function waitForState(
  source: StateSource,
  ready: (state: ChatState) => boolean,
  timeoutMs = 8_000,
): Promise<ChatState> {
  return new Promise((resolve, reject) => {
    const current = source.getState();
    if (ready(current)) return resolve(current);
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`state not reached in ${timeoutMs} ms (connection: ${source.getState().status})`));
    }, timeoutMs);
    const stop = source.subscribe(() => {
      const state = source.getState();
      if (!ready(state)) return;
      clearTimeout(timer);
      stop();
      resolve(state);
    });
  });
}
