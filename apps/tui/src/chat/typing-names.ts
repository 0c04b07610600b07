import type { ChannelState } from "@canaduck/client";

/** "bob is typing…", "bob and eve are typing…", "4 people are typing…", or null; lapsed entries left out. */
export function typingText(channel: ChannelState | null, now: number): string | null {
  if (!channel) return null;
  const names = Object.values(channel.typing)
    .filter((t) => t.until > now)
    .map((t) => t.name)
    .sort();
  if (names.length === 0) return null;
  if (names.length === 1) return `${names[0]} is typing…`;
  if (names.length <= 3) return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]} are typing…`;
  return `${names.length} people are typing…`;
}
