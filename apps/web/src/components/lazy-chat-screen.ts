import { lazy } from "react";

/**
 * The chat screen and everything only it needs (the markdown renderer, the virtual list, the
 * panels) load as their own chunk, so a first visit fetches just what the login form needs.
 * `preloadChatScreen` starts the fetch early — while the user types, or as a saved session
 * reconnects — so logging in rarely waits for it.
 */
const load = () => import("./chat-screen");
let pending: ReturnType<typeof load> | null = null;

export function preloadChatScreen(): void {
  pending ??= load();
}

export const LazyChatScreen = lazy(async () => {
  preloadChatScreen();
  const module = await (pending ?? load());
  return { default: module.ChatScreen };
});
