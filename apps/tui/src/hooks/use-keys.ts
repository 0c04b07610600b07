import { useInput, type Key } from "ink";
import { useCallback, useLayoutEffect, useRef } from "react";

/**
 * `useInput` with a handler that always sees the latest render. Ink re-subscribes a changed
 * handler in a passive effect, which can run after the next key has arrived: a key pressed
 * right after a resize would otherwise act on the old layout.
 */
export function useKeys(handler: (input: string, key: Key) => void): void {
  const latest = useRef(handler);
  useLayoutEffect(() => {
    latest.current = handler;
  });
  const stable = useCallback((input: string, key: Key) => latest.current(input, key), []);
  useInput(stable);
}
