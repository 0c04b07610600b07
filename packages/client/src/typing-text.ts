import type { ChannelState } from "./state";

/**
 * "bob is typing…", "bob and eve are typing…", "ann, bob and eve are typing…", "4 people are
 * typing…", or null when no one is; indications that lapsed by `now` are left out.
 */
export function typingText(typing: ChannelState["typing"], now: number): string | null {
  const names = Object.values(typing)
    .filter((t) => t.until > now)
    .map((t) => t.name)
    .sort((a, b) => a.localeCompare(b));
  if (names.length === 0) return null;
  if (names.length === 1) return `${names[0]} is typing…`;
  if (names.length <= 3) return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]} are typing…`;
  return `${names.length} people are typing…`;
}

/**
 * Whether what is in the input line tells the others you are typing: said text and /me do,
 * other commands (and blanks) do not. `//text` sends text that starts with a slash.
 */
export function signalsTyping(text: string): boolean {
  if (text.trim() === "") return false;
  return !text.startsWith("/") || text.startsWith("//") || /^\/me\s/i.test(text);
}
