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
  const added: Message[] = [];
  const changes: Message[] = [];
  const arrivedLines: Message[] = [];
  for (const entry of sorted) {
    if (isChange(entry)) changes.push(entry);
    else if (isLine(entry)) arrivedLines.push(entry);
  }
  // Held lines are found by binary search, not by indexing them all: a page of history scrolled
  // back to costs the same with ten thousand lines loaded as with fifty. (Arriving lines are at
  // or after the page's first seq, so those `replace` dropped are never among them.)
  const replacements = new Map<number, Message>();
  for (const line of arrivedLines) {
    const index = indexOfSeq(kept, line.seq);
    if (index !== -1) {
      const held = replacements.get(index) ?? kept[index];
      if (held && held.version < line.version) replacements.set(index, line);
      continue;
    }
    const previous = added.at(-1);
    if (previous?.seq !== line.seq) added.push(line);
    else if (previous.version < line.version) added[added.length - 1] = line;
  }
  let base = kept;
  if (replacements.size > 0) {
    base = kept.slice();
    for (const [index, line] of replacements) base[index] = line;
  }
  let messages = mergeSorted(base, added);
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

/** Where the line `seq` is in `lines` (ascending by seq), or -1. */
function indexOfSeq(lines: readonly Message[], seq: number): number {
  let low = 0;
  let high = lines.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const at = lines[middle]?.seq ?? seq;
    if (at === seq) return middle;
    if (at < seq) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/**
 * Both lists ascending by seq, none in both, as one: live lines go after the held ones and a
 * page of history before them, each without re-sorting the conversation.
 */
function mergeSorted(held: Message[], added: Message[]): Message[] {
  const firstHeld = held[0];
  const lastHeld = held.at(-1);
  const firstAdded = added[0];
  const lastAdded = added.at(-1);
  if (!firstHeld || !lastHeld || !firstAdded || !lastAdded) return added.length === 0 ? held : added;
  if (firstAdded.seq > lastHeld.seq) return held.concat(added);
  if (lastAdded.seq < firstHeld.seq) return added.concat(held);
  const merged: Message[] = [];
  let i = 0;
  let j = 0;
  while (i < held.length || j < added.length) {
    const a = held[i];
    const b = added[j];
    if (a && (!b || a.seq < b.seq)) {
      merged.push(a);
      i += 1;
    } else if (b) {
      merged.push(b);
      j += 1;
    }
  }
  return merged;
}
