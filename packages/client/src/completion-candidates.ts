import type { CompletionCandidates } from "@canaduck/contract";
import type { ChatState } from "./state";

/** Recent speakers are offered too: in a big channel the member list may not be loaded yet. */
const RECENT_LINES = 200;

/**
 * What Tab completes to in a conversation (`channelId`, or null for one not started yet): its
 * members and recent speakers, every conversation's peer, and the joined channels in sidebar
 * order. Never my own nick.
 */
export function completionCandidates(state: ChatState, channelId: string | null): CompletionCandidates {
  const channel = channelId === null ? null : (state.channels[channelId] ?? null);
  const nicks = new Set<string>();
  for (const m of channel?.members ?? []) nicks.add(m.name);
  for (const m of channel?.messages.slice(-RECENT_LINES) ?? []) if (m.author) nicks.add(m.author.name);
  const views = state.order.flatMap((id) => state.channels[id]?.view ?? []);
  for (const view of views) if (view.peer) nicks.add(view.peer.name);
  if (state.me) nicks.delete(state.me.name);
  return {
    nicks: [...nicks],
    channels: views.filter((v) => v.kind === "channel").map((v) => v.name),
    isAdmin: state.me?.isAdmin ?? false,
  };
}

/** Equal when both offer the same names in the same order: lets a view keep the old value. */
export const sameCandidates = (a: CompletionCandidates, b: CompletionCandidates): boolean =>
  a.isAdmin === b.isAdmin &&
  a.nicks.length === b.nicks.length &&
  a.channels.length === b.channels.length &&
  a.nicks.every((n, i) => n === b.nicks[i]) &&
  a.channels.every((c, i) => c === b.channels[i]);
