import type { PendingSend } from "@canaduck/client";
import { isLine, type Message } from "@canaduck/contract";

/** One row of the message list: a day divider, a stored line, or a send awaiting its ack. */
export type Row =
  | { kind: "day"; key: string; label: string }
  | { kind: "message"; key: string; message: Message; continued: boolean }
  | { kind: "pending"; key: string; send: PendingSend }
  | { kind: "new-divider"; key: string };

/** Where the "New messages" divider goes: before the first line after `afterSeq` that someone else wrote. */
export interface UnreadDivider {
  afterSeq: number;
  myId: string;
}

/** Lines by the same author this close together share one header. */
const GROUP_MS = 5 * 60_000;

const dayKey = (d: Date) => `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}`;

export function dayLabel(date: Date, now: Date): string {
  if (dayKey(date) === dayKey(now)) return "Today";
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  if (dayKey(date) === dayKey(yesterday)) return "Yesterday";
  return date.toLocaleDateString(undefined, { weekday: "long", year: "numeric", month: "long", day: "numeric" });
}

type MessageRowOf = Extract<Row, { kind: "message" }>;
type DayRow = Extract<Row, { kind: "day" }>;

// Rows are rebuilt from every line each time a page of history arrives. Handing back the same
// row object for a line whose row did not change lets the memoised rows skip re-rendering, and
// each line's date is read once rather than on every page.
const messageRows = new WeakMap<Message, MessageRowOf>();
const pendingRows = new WeakMap<PendingSend, Row>();
const dayRows = new Map<string, DayRow>();
const dates = new WeakMap<Message, { day: string; at: number }>();
const newDivider: Row = { kind: "new-divider", key: "new-divider" };

function dateOf(message: Message): { day: string; at: number } {
  let known = dates.get(message);
  if (!known) {
    const date = new Date(message.createdAt);
    known = { day: dayKey(date), at: date.getTime() };
    dates.set(message, known);
  }
  return known;
}

function messageRow(message: Message, continued: boolean): MessageRowOf {
  const kept = messageRows.get(message);
  if (kept?.continued === continued) return kept;
  const row: MessageRowOf = { kind: "message", key: message.id, message, continued };
  messageRows.set(message, row);
  return row;
}

function dayRow(day: string, label: string): DayRow {
  const id = `${day} ${label}`;
  let row = dayRows.get(id);
  if (!row) {
    row = { kind: "day", key: `day-${day}`, label };
    dayRows.set(id, row);
  }
  return row;
}

function pendingRow(send: PendingSend): Row {
  let row = pendingRows.get(send);
  if (!row) {
    row = { kind: "pending", key: `pending-${send.clientId}`, send };
    pendingRows.set(send, row);
  }
  return row;
}

/** The rows of `messages`' lines: day dividers, the "New messages" divider and the lines, grouped. */
function lineRows(messages: readonly Message[], now: Date, divider: UnreadDivider | null): Row[] {
  const rows: Row[] = [];
  let previous: Message | undefined;
  let previousAt = 0;
  let previousDay = "";
  let dividerPlaced = divider === null;
  for (const message of messages) {
    // Change entries are applied by the client core; should one be held, it is not a row.
    if (!isLine(message)) continue;
    const { day, at } = dateOf(message);
    if (day !== previousDay) {
      rows.push(dayRow(day, dayLabel(new Date(at), now)));
      previousDay = day;
      previous = undefined;
    }
    // The user's own lines after the marker are not news to them: the divider waits for someone else's.
    if (!dividerPlaced && divider && message.seq > divider.afterSeq && message.author?.id !== divider.myId) {
      rows.push(newDivider);
      dividerPlaced = true;
      previous = undefined;
    }
    const continued =
      previous !== undefined &&
      message.kind === "text" &&
      previous.kind === "text" &&
      previous.author?.id === message.author?.id &&
      at - previousAt < GROUP_MS;
    rows.push(messageRow(message, continued));
    previous = message;
    previousAt = at;
  }
  return rows;
}

/**
 * Groups a channel's lines by author and day, and puts unacknowledged sends after them. A row
 * that did not change since the last call is the same object as then.
 */
export function buildRows(
  messages: readonly Message[],
  pending: readonly PendingSend[],
  now = new Date(),
  divider: UnreadDivider | null = null,
): Row[] {
  const rows = lineRows(messages, now, divider);
  for (const send of pending) rows.push(pendingRow(send));
  return rows;
}

interface Built {
  messages: readonly Message[];
  today: string;
  divider: UnreadDivider | null;
  lines: Row[];
}

/**
 * buildRows for one list, which remembers its last build: when a page of older lines was put
 * before the lines it built, only the page (and the line it now precedes) is grouped anew, so
 * scrolling back costs the same however much history is loaded already.
 */
export class RowBuilder {
  private last: Built | null = null;

  build(
    messages: readonly Message[],
    pending: readonly PendingSend[],
    now = new Date(),
    divider: UnreadDivider | null = null,
  ): Row[] {
    const today = dayKey(now);
    const lines = this.reuse(messages, now, today, divider) ?? lineRows(messages, now, divider);
    this.last = { messages, today, divider, lines };
    const rows = lines.slice();
    for (const send of pending) rows.push(pendingRow(send));
    return rows;
  }

  private reuse(messages: readonly Message[], now: Date, today: string, divider: UnreadDivider | null): Row[] | null {
    const last = this.last;
    if (!last || last.today !== today || last.divider !== divider) return null;
    if (last.messages === messages) return last.lines;
    const held = last.messages;
    const first = held[0];
    const added = messages.length - held.length;
    if (!first || added <= 0 || !isLine(first) || messages[added] !== first) return null;
    for (let i = 1; i < held.length; i += 1) if (messages[added + i] !== held[i]) return null;
    // Regroup the page with the line it now precedes (whose day divider and grouping may change).
    const page = lineRows(messages.slice(0, added + 1), now, divider);
    const after = last.lines.findIndex((row) => row.kind === "message" && row.message === first) + 1;
    const rest = last.lines.slice(after);
    // The unread divider moved into the page: it is no longer where it was (rare: rebuild).
    if (page.includes(newDivider) && rest.includes(newDivider)) return null;
    return page.concat(rest);
  }
}
