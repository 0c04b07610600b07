import type { Message } from "@canaduck/contract";

interface Loaded {
  messages: Message[];
  cursor: number;
}

/**
 * Merges arriving messages into a channel's loaded ones: duplicates (same id or seq) are
 * dropped, order is by seq, and the cursor advances over every contiguous seq. A gap leaves
 * the cursor behind it, which is what catch-up asks from. A `latest` page moves the cursor
 * to its newest message: what lies before it is history, loaded on demand.
 */
export function mergeMessages(
  loaded: Loaded,
  arriving: readonly Message[],
  latest: boolean,
): Loaded & { added: Message[] } {
  const bySeq = new Map(loaded.messages.map((m) => [m.seq, m]));
  const added: Message[] = [];
  for (const message of arriving) {
    if (bySeq.has(message.seq)) continue;
    bySeq.set(message.seq, message);
    added.push(message);
  }
  if (added.length === 0 && !latest) return { ...loaded, added };
  const messages = added.length === 0 ? loaded.messages : combine(loaded.messages, added);
  let cursor = loaded.cursor;
  if (latest) cursor = Math.max(cursor, ...arriving.map((m) => m.seq));
  while (bySeq.has(cursor + 1)) cursor += 1;
  return { messages, cursor, added };
}

/** Live lines arrive in order after the last one: append them without re-sorting the channel. */
function combine(existing: readonly Message[], added: Message[]): Message[] {
  added.sort((a, b) => a.seq - b.seq);
  const last = existing.at(-1)?.seq ?? -1;
  const first = added[0]?.seq ?? 0;
  if (first > last) return existing.concat(added);
  return [...existing, ...added].sort((a, b) => a.seq - b.seq);
}
