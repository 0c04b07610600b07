import { conversationList, nextUnread, stepConversation } from "@canaduck/client";
import { useEffect } from "react";
import { useChat } from "../lib/chat-context";

interface ShortcutActions {
  select: (channelId: string) => void;
  openSwitcher: () => void;
  focusComposer: () => void;
  openSearch: () => void;
}

/**
 * Keyboard navigation: Ctrl+K (or ⌘K) opens the quick switcher, Alt+↑/↓ moves between
 * conversations, Alt+Shift+↓ jumps to the next unread one, / starts a command in the composer, and
 * Ctrl+F (⌘F) opens the search panel.
 */
export function useShortcuts({ select, openSwitcher, focusComposer, openSearch }: ShortcutActions): void {
  const { client } = useChat();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === "k") {
        e.preventDefault();
        openSwitcher();
        return;
      }
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === "f") {
        // The browser's own find stays reachable: from inside the search panel, or over another dialog.
        if (document.querySelector("[role=dialog]") !== null) return;
        e.preventDefault();
        openSearch();
        return;
      }
      if (e.altKey && !e.ctrlKey && !e.metaKey && (e.key === "ArrowUp" || e.key === "ArrowDown")) {
        e.preventDefault();
        // The sidebar's own order, so the key moves to the entry drawn above or below.
        const { activeId } = client.getState();
        const entries = conversationList(client.getState());
        const target = e.shiftKey
          ? nextUnread(entries, activeId)
          : stepConversation(entries, activeId, e.key === "ArrowUp" ? -1 : 1);
        if (target) select(target);
        return;
      }
      const typing =
        e.target instanceof HTMLElement &&
        (e.target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(e.target.tagName));
      if (
        e.key === "/" &&
        !typing &&
        !e.ctrlKey &&
        !e.metaKey &&
        !e.altKey &&
        document.querySelector("[role=dialog]") === null
      ) {
        // Focused before the key lands, so the "/" itself starts the command.
        focusComposer();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [client, select, openSwitcher, focusComposer, openSearch]);
}
