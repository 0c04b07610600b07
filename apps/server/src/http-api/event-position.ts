import { limits } from "@canaduck/contract";

/**
 * Where an event stream stands in the log: for each conversation, the seq of the last entry it
 * delivered. It is the `id:` of the stream's messages, so `Last-Event-ID` on a reconnect names
 * exactly what the consumer holds. Written `<channelId>:<seq>` joined by commas: no newline, no
 * NUL, nothing an SSE field may not carry.
 */
export type EventPosition = Map<string, number>;

const ENTRY = /^([A-Za-z0-9-]{1,64}):(\d{1,10})$/;
/** A seq fits a database integer column (as the contract's seqSchema says). */
const SEQ_MAX = 2 ** 31 - 1;

export const encodePosition = (position: EventPosition): string =>
  [...position].map(([channelId, seq]) => `${channelId}:${seq}`).join(",");

/** The position a Last-Event-ID names, or null when it is not one this server wrote. */
export function decodePosition(id: string): EventPosition | null {
  const position: EventPosition = new Map();
  if (id === "") return position;
  const entries = id.split(",");
  if (entries.length > limits.syncConversationsMax) return null;
  for (const entry of entries) {
    const match = ENTRY.exec(entry);
    const seq = Number(match?.[2]);
    if (!match?.[1] || !Number.isSafeInteger(seq) || seq > SEQ_MAX || position.has(match[1])) return null;
    position.set(match[1], seq);
  }
  return position;
}
