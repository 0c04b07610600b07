import type { WindowEntry } from "../chat/window-list";
import { searchWindowName } from "./search-rows";
import type { SearchWindow } from "./search-state";

/** The results window's id in the window list: no conversation id looks like it. */
export const SEARCH_WINDOW_ID = "search:results";

/** The window list with the results window last, numbered after every other window, while it is open. */
export function withSearchWindow(windows: readonly WindowEntry[], search: SearchWindow | null): WindowEntry[] {
  if (search === null) return [...windows];
  return [
    ...windows,
    {
      id: SEARCH_WINDOW_ID,
      number: Math.max(0, ...windows.map((w) => w.number)) + 1,
      name: searchWindowName(search),
      kind: "channel",
      unread: 0,
      mentions: 0,
      muted: false,
      activity: "none",
      parted: false,
    },
  ];
}
