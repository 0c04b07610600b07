import type { ChannelState } from "@canaduck/client";

const membershipKinds = new Set(["join", "part", "kick", "ban", "op", "deop"]);

/** The id of the channel's newest line that changed who is in it or their role: the member list reloads when it changes. */
export function membershipKey(channel: ChannelState | null): string | null {
  if (!channel) return null;
  for (let i = channel.messages.length - 1; i >= 0; i--) {
    const m = channel.messages[i];
    if (m && membershipKinds.has(m.kind)) return m.id;
  }
  return null;
}
