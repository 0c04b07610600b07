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

/** Groups a channel's lines by author and day, and puts unacknowledged sends after them. */
export function buildRows(
  messages: readonly Message[],
  pending: readonly PendingSend[],
  now = new Date(),
  divider: UnreadDivider | null = null,
): Row[] {
  const rows: Row[] = [];
  let previous: Message | undefined;
  let previousDay = "";
  let dividerPlaced = divider === null;
  for (const message of messages) {
    // Change entries are applied by the client core; should one be held, it is not a row.
    if (!isLine(message)) continue;
    const date = new Date(message.createdAt);
    const day = dayKey(date);
    if (day !== previousDay) {
      rows.push({ kind: "day", key: `day-${day}`, label: dayLabel(date, now) });
      previousDay = day;
      previous = undefined;
    }
    // The user's own lines after the marker are not news to them: the divider waits for someone else's.
    if (!dividerPlaced && divider && message.seq > divider.afterSeq && message.author?.id !== divider.myId) {
      rows.push({ kind: "new-divider", key: "new-divider" });
      dividerPlaced = true;
      previous = undefined;
    }
    const continued =
      previous !== undefined &&
      message.kind === "text" &&
      previous.kind === "text" &&
      previous.author?.id === message.author?.id &&
      Date.parse(message.createdAt) - Date.parse(previous.createdAt) < GROUP_MS;
    rows.push({ kind: "message", key: message.id, message, continued });
    previous = message;
  }
  for (const send of pending) rows.push({ kind: "pending", key: `pending-${send.clientId}`, send });
  return rows;
}
