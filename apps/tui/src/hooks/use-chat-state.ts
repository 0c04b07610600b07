import type { ChatClient, ChatState } from "@canaduck/client";
import { useMemo, useSyncExternalStore } from "react";

/** At most one redraw for the core's changes per this many milliseconds (25 a second). */
export const FRAME_MS = 40;

/**
 * `subscribe` told at most once per `frameMs`: the first change at once, the rest of a burst once
 * at its end. A flood of 200 lines a second then costs 25 renders of the screen, not 200, and the
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
