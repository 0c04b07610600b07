import { useEffect } from "react";
import { useChatState } from "../lib/chat-context";

/** Puts the server-kept theme on the page: the stylesheets read `data-theme` on <html>. */
export function useApplySettings(): void {
  const theme = useChatState((s) => s.settings.theme);
  useEffect(() => {
    const root = document.documentElement;
    if (theme === "system") delete root.dataset.theme;
    else root.dataset.theme = theme;
    return () => void delete root.dataset.theme;
  }, [theme]);
}
