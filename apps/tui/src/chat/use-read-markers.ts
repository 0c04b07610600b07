import type { ChannelState, ChatClient, ConnectionStatus } from "@canaduck/client";
import { useEffect, useState } from "react";

/**
 * The active window's lines count as seen: its read marker moves to the newest line when the
 * user switches to it and whenever lines arrive while it is open (the client core sends nothing
 * when the marker is already there). The server keeps the marker, so badges agree across devices
 * and survive a restart.
 */
export function useMarkRead(client: ChatClient, channel: ChannelState | null, status: ConnectionStatus): void {
  const channelId = channel?.view.id ?? null;
  const newest = Math.max(channel?.cursor ?? 0, channel?.messages.at(-1)?.seq ?? 0);
  // Lines that came while a jump showed older ones are seen once the newest are back.
  const inWindow = (channel?.window ?? null) !== null;
  useEffect(() => {
    if (channelId === null || status !== "online" || inWindow) return;
    // After React's effects, not among them: a change to the core's state there is drawn at once,
    // past the frame limit (useChatState), and under a flood that was a second frame for every one.
    // Not cancelled by a switch: the lines seen in the window being left stay seen.
    setTimeout(() => {
      if (client.getState().status === "online") client.markRead(channelId);
    }, 0);
  }, [client, channelId, newest, status, inWindow]);
}

/**
 * Where the "new messages" divider goes: after the read marker the window had when the user
 * switched to it, kept while they stay (marking lines read as they arrive must not move it away
 * from what they had not seen yet). Null when nothing was unread then.
 */
export function useUnreadDivider(channel: ChannelState | null): number | null {
  const channelId = channel?.view.id ?? null;
  const [remembered, setRemembered] = useState<{ channelId: string | null; after: number | null }>({
    channelId: null,
    after: null,
  });
  if (remembered.channelId !== channelId) {
    const after = channel && channel.unread > 0 ? channel.readSeq : null;
    setRemembered({ channelId, after });
    return after;
  }
  return remembered.after;
}
