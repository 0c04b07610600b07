import type { ConversationEntry } from "@canaduck/client";
import { searchWindowName } from "./search-rows";
import type { SearchWindow } from "./search-state";

/** The results window's id in the window list: no conversation id looks like it. */
export const SEARCH_WINDOW_ID = "search:results";

/** The window list with the results window last, numbered after the conversations, while it is open. */
export function withSearchWindow(
  windows: readonly ConversationEntry[],
  search: SearchWindow | null,
): ConversationEntry[] {
  if (search === null) return [...windows];
  return [
    ...windows,
    {
      id: SEARCH_WINDOW_ID,
      number: windows.length + 1,
      name: searchWindowName(search),
      kind: "channel",
      unread: 0,
      mentions: 0,
    },
  ];
}
