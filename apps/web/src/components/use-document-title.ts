import { useEffect } from "react";
import { useChatState } from "../lib/chat-context";

/** "(3) CanaDuck" while lines wait unread, so a background tab shows there is news. */
export function useDocumentTitle(): void {
  const unread = useChatState((s) => Object.values(s.channels).reduce((sum, c) => sum + c.unread, 0));
  useEffect(() => {
    document.title = unread > 0 ? `(${unread}) CanaDuck` : "CanaDuck";
  }, [unread]);
}
