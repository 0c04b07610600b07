import type { ChatClient, ChatState } from "@canaduck/client";
import { useMemo, useSyncExternalStore } from "react";

/**
 * At most one redraw for the core's changes per this many milliseconds (5 a second). A frame
 * costs Ink some 8 ms whatever changed (it draws the whole screen), so under a flood this is most
 * of the client's CPU, and a key typed while a frame is drawn waits for it: 25 a second took 35 %
 * of a core, 10 a second 20 % with a keystroke echo p99 of 62–75 ms, 5 a second 13–17 % and
 * 47–52 ms (bench/tui.ts, 200 lines a second). A lone change is still drawn at once; under such a
 * flood a line shows up to 0.2 s late, faster than anyone reads it. Keys are drawn at once, not
 * held to it.
 */
export const FRAME_MS = 200;

/**
 * `subscribe` told at most once per `frameMs`: the first change at once, the rest of a burst once
 * at its end. A flood of 200 lines a second then costs 10 renders of the screen, not 200, and the
 * keys typed meanwhile (React state of their own) are not queued behind them.
 */
export function coalesced(subscribe: ChatClient["subscribe"], frameMs = FRAME_MS): ChatClient["subscribe"] {
  return (notify) => {
    let last = 0;
    let timer: NodeJS.Timeout | null = null;
    const fire = () => {
      timer = null;
      last = Date.now();
      notify();
    };
    const unsubscribe = subscribe(() => {
      if (timer !== null) return;
      const wait = last + frameMs - Date.now();
      if (wait <= 0) fire();
      else timer = setTimeout(fire, wait);
    });
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  };
}

/** The client core's state, re-rendering on its changes, at most once a frame. */
export function useChatState(client: ChatClient): ChatState {
  const subscribe = useMemo(() => coalesced(client.subscribe), [client]);
  return useSyncExternalStore(subscribe, client.getState);
}
