import { useInput, useStdin, type Key } from "ink";
import { useCallback, useEffect, useLayoutEffect, useRef } from "react";

/**
 * `useInput` with a handler that always sees the latest render, and the raw sequence the
 * terminal sent (Ink reports Delete and Backspace alike). Ink re-subscribes a changed handler
 * in a passive effect, which can run after the next key has arrived: a key pressed right after a
 * resize would otherwise act on the old layout.
 */
export function useKeys(handler: (input: string, key: Key, raw: string) => void): void {
  const latest = useRef(handler);
  useLayoutEffect(() => {
    latest.current = handler;
  });
  const raw = useRawInput();
  const stable = useCallback((input: string, key: Key) => latest.current(input, key, raw.current), [raw]);
  useInput(stable);
}

/**
 * The last raw input event, as Ink's parser split it. Subscribed before `useInput` (effects run
 * in order), so Ink's emitter calls it first for each event and `useInput`'s handler reads it.
 */
function useRawInput() {
  const { internal_eventEmitter: events } = useStdin();
  const last = useRef("");
  useEffect(() => {
    const record = (data: string) => {
      last.current = data;
    };
    events.on("input", record);
    return () => void events.removeListener("input", record);
  }, [events]);
  return last;
}
