import type { Notice } from "@canaduck/client";
import { useMemo, useRef } from "react";

/**
 * Notices that belong to no window, pinned to the window shown when each arrived: they are said
 * once, where the user was looking, not repeated in every window visited afterwards.
 */
export function usePinnedNotices(notices: readonly Notice[], shownId: string | null): Notice[] {
  const pinned = useRef(new WeakMap<Notice, Notice>());
  return useMemo(
    () =>
      notices.map((notice) => {
        if (notice.channelId !== null) return notice;
        let copy = pinned.current.get(notice);
        if (!copy) {
          // Nothing shown (no window yet): it stays global, as the welcome screen shows it.
          copy = shownId === null ? notice : { ...notice, channelId: shownId };
          pinned.current.set(notice, copy);
        }
        return copy;
      }),
    [notices, shownId],
  );
}
