import { useEffect } from "react";

/** Whether the person can be looking at the page: its tab is showing and its window has focus. */
export const pageIsSeen = (): boolean => document.visibilityState === "visible" && document.hasFocus();

/**
 * Calls `markRead` whenever the newest lines are actually in front of the user: the bottom of
 * the list is visible (`atBottom`), the tab is showing and focused. It runs again when a new line
 * arrives and when the tab comes back into view or focus; the client core sends nothing when the
 * marker is already there.
 */
export function useMarkRead(atBottom: boolean, newestSeq: number, markRead: () => void): void {
  useEffect(() => {
    if (!atBottom) return;
    const mark = () => {
      if (pageIsSeen()) markRead();
    };
    mark();
    window.addEventListener("focus", mark);
    document.addEventListener("visibilitychange", mark);
    return () => {
      window.removeEventListener("focus", mark);
      document.removeEventListener("visibilitychange", mark);
    };
  }, [atBottom, newestSeq, markRead]);
}
