import { activeChannel, type ChatState } from "@canaduck/client";
import type { CompletionCandidates } from "@canaduck/contract";

/** What Tab can complete to: the open channel's members and recent speakers, conversation peers, joined channels. */
export function completionCandidates(state: ChatState): CompletionCandidates {
  const channel = activeChannel(state);
  const nicks = new Set<string>();
  for (const m of channel?.members ?? []) nicks.add(m.name);
  for (const m of channel?.messages.slice(-100) ?? []) if (m.author) nicks.add(m.author.name);
  for (const c of Object.values(state.channels)) if (c.view.peer) nicks.add(c.view.peer.name);
  if (state.me) nicks.delete(state.me.name);
  const channels = Object.values(state.channels)
    .filter((c) => c.view.kind === "channel")
    .map((c) => c.view.name);
  return { nicks: [...nicks], channels };
}
