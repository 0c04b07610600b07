import { limits } from "@canaduck/contract";
import type { Conversation, IrcClient } from "./irc-client";
import { seqOfMsgid } from "./msgid";
import { seqAtTime } from "./read-marker";

/**
 * A chathistory reference (`msgid=…`, `timestamp=…`, or `*`) as a seq of the conversation's
 * log: a timestamp is the newest entry written at or before it. Null: not a reference.
 */
export async function seqOfRef(client: IrcClient, conversation: Conversation, ref: string): Promise<number | null> {
  if (ref === "*") return 0;
  if (ref.startsWith("msgid=")) return seqOfMsgid(ref.slice(6));
  if (ref.startsWith("timestamp=")) {
    const time = ref.slice(10);
    return Number.isNaN(Date.parse(time)) ? null : seqAtTime(client, conversation, time);
  }
  return null;
}

/** The limit a client asked for, within what history:read serves. */
export function pageLimit(raw: string | undefined): number {
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? Math.min(n, limits.historyPageMax) : limits.historyPageDefault;
}
