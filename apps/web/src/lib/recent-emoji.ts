/** The emoji the hover bar offers before the user has reacted with any. */
export const DEFAULT_RECENT = ["👍", "❤️", "😂", "🎉", "👀"];
const KEY = "canaduck.recentEmoji";
const KEEP = 5;

/** The user's most recently used reactions, newest first, as kept in this browser. */
export function loadRecentEmoji(storage: Storage = localStorage): string[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(KEY) ?? "null");
    if (Array.isArray(parsed) && parsed.every((e) => typeof e === "string") && parsed.length > 0)
      return parsed.slice(0, KEEP);
  } catch {
    // A damaged entry is as good as none.
  }
  return DEFAULT_RECENT;
}

/** Puts `emoji` first in the recent list, keeping the few newest. */
export function rememberEmoji(emoji: string, storage: Storage = localStorage): string[] {
  const next = [emoji, ...loadRecentEmoji(storage).filter((e) => e !== emoji)].slice(0, KEEP);
  try {
    storage.setItem(KEY, JSON.stringify(next));
  } catch {
    // Storage full or refused (private mode): the list just is not kept.
  }
  return next;
}
