import type { CompletionCandidates } from "@canaduck/contract";
import { useMemo } from "react";
import { useChatState } from "../lib/chat-context";

/** Names to complete: the open channel's members and recent speakers, and every joined channel. */
export function useCandidates(channelId: string | null): CompletionCandidates {
  const channel = useChatState((s) => (channelId === null ? null : (s.channels[channelId] ?? null)));
  const channelNames = useChatState((s) => s.order.map((id) => s.channels[id]?.view).filter((v) => v?.kind === "channel").map((v) => v?.name ?? "").join(" "));
  return useMemo(() => {
    const nicks = new Set<string>();
    for (const m of channel?.members ?? []) nicks.add(m.name);
    if (channel?.view.peer) nicks.add(channel.view.peer.name);
    const recent = channel?.messages.slice(-200) ?? [];
    for (const m of recent) if (m.author) nicks.add(m.author.name);
    return { nicks: [...nicks], channels: channelNames === "" ? [] : channelNames.split(" ") };
  }, [channel?.members, channel?.view.peer, channel?.messages, channelNames]);
}
