import { mentions, type ChatState } from "@canaduck/client";

/** The newest seq seen in each channel, so only lines that arrive afterwards can ring. */
export type SeenSeqs = Record<string, number>;

/**
 * Counts the lines from others that name the user (or anything said in a direct conversation)
 * newer than what was seen, and returns what is seen now. A channel seen for the first time
 * counts from its newest seq then: what the server already had is old news, what comes after is not.
 */
export function newMentions(seen: SeenSeqs, state: ChatState): { count: number; seen: SeenSeqs } {
  const me = state.me;
  const next: SeenSeqs = {};
  let count = 0;
  for (const [id, channel] of Object.entries(state.channels)) {
    const newest = channel.messages[channel.messages.length - 1]?.seq ?? 0;
    const before = seen[id] ?? channel.view.lastSeq;
    next[id] = Math.max(before, newest);
    if (!me) continue;
    for (let i = channel.messages.length - 1; i >= 0; i--) {
      const m = channel.messages[i];
      if (!m || m.seq <= before) break;
      if (m.author?.id === me.id || (m.kind !== "text" && m.kind !== "action")) continue;
      if (channel.view.kind === "direct" || mentions(m.text, me.name)) count++;
    }
  }
  return { count, seen: next };
}
