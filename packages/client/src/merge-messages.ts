import { isChange, isLine, type Message } from "@canaduck/contract";
import { applyChangeToLines } from "./apply-change";

export interface Loaded {
  /** Lines only, ascending by seq. */
  messages: Message[];
  cursor: number;
  ahead: number[];
}

export interface Merged extends Loaded {
  /** Lines not held before: what counts as new for unread badges. */
  added: Message[];
  /** Held lines a change entry changed, as they were and as they are now, with the entry. */
  changed: { before: Message; after: Message; change: Message }[];
  /** The change entries that were newly received, in seq order (to apply elsewhere, e.g. a history window). */
  changes: Message[];
}

/**
 * Merges arriving log entries into a conversation's loaded lines. Lines are merged by seq: a copy
 * with a higher version replaces the held one, a lower or equal one is dropped. Change entries are
 * applied to the lines they target (and to replies' summaries) and not kept. The cursor advances
 * over every contiguous seq received, lines and change entries alike; seqs beyond a gap wait in
 * `ahead`. `replace` takes a newest page as a fresh client would: held lines older than it go.
 */
export function mergeMessages(
  loaded: Loaded,
  arriving: readonly Message[],
  options: { replace?: boolean; meId: string | null },
): Merged {
  const sorted = [...arriving].sort((a, b) => a.seq - b.seq);
  const firstOfPage = sorted[0]?.seq;
  const kept =
    options.replace && firstOfPage !== undefined
      ? loaded.messages.filter((m) => m.seq >= firstOfPage)
      : loaded.messages;
  const bySeq = new Map(kept.map((m) => [m.seq, m]));
  const heldBefore = new Set(loaded.messages.map((m) => m.seq));
  const added: Message[] = [];
  const changes: Message[] = [];
  const arrivedLines: Message[] = [];
  for (const entry of sorted) {
    if (isChange(entry)) changes.push(entry);
    else if (isLine(entry)) arrivedLines.push(entry);
  }
  let replaced = false;
  for (const line of arrivedLines) {
    const held = bySeq.get(line.seq);
    if (held && held.version >= line.version) continue;
    if (held) replaced = true;
    bySeq.set(line.seq, line);
    if (!heldBefore.has(line.seq) && !added.some((m) => m.seq === line.seq)) added.push(line);
  }
  let messages = combine(kept, added, replaced ? bySeq : null);
  const changed: Merged["changed"] = [];
  for (const change of changes) {
    const before = messages.find((m) => m.seq === change.meta.targetSeq);
    messages = applyChangeToLines(messages, change, options.meId);
    const after = messages.find((m) => m.seq === change.meta.targetSeq);
    if (before && after && before !== after) changed.push({ before, after, change });
  }
  return { messages, ...advance(loaded, sorted, options.replace === true), added, changed, changes };
}

/** The cursor after receiving `entries`: past every contiguous seq; what lies beyond a gap waits in `ahead`. */
function advance(loaded: Loaded, entries: readonly Message[], replace: boolean): Pick<Loaded, "cursor" | "ahead"> {
  let cursor = loaded.cursor;
  if (replace) cursor = Math.max(cursor, ...entries.map((m) => m.seq));
  const received = new Set([...loaded.ahead, ...entries.map((m) => m.seq)].filter((seq) => seq > cursor));
  while (received.has(cursor + 1)) {
    cursor += 1;
    received.delete(cursor);
  }
  const ahead = [...received].sort((a, b) => a - b);
  return { cursor, ahead };
}

/** Live lines arrive after the last one held: append them without re-sorting the conversation. */
function combine(kept: Message[], added: Message[], bySeq: Map<number, Message> | null): Message[] {
  if (bySeq) return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
  if (added.length === 0) return kept;
  const last = kept.at(-1)?.seq ?? -1;
  if ((added[0]?.seq ?? 0) > last) return kept.concat(added);
  return [...kept, ...added].sort((a, b) => a.seq - b.seq);
}
