import type { Ack, Message } from "@canaduck/contract";
import type { Conversation, IrcClient } from "./irc-client";
import { SERVER_NAME } from "./server-info";

/**
 * draft/read-marker speaks in timestamps, CanaDuck's markers in seqs: a seq is shown as the time
 * of its entry, and a timestamp read as the newest entry at or before it.
 */
export async function sendMarkRead(client: IrcClient, channelId: string, readSeq: number): Promise<void> {
  const conversation = client.conversations.get(channelId);
  if (!client.has("draft/read-marker") || conversation === undefined) return;
  const time = readSeq === 0 ? "*" : await timeOfSeq(client, conversation, readSeq);
  client.send({
    tags: {},
    source: SERVER_NAME,
    command: "MARKREAD",
    params: [conversation.name, time === null ? "*" : `timestamp=${time}`],
  });
}

async function timeOfSeq(client: IrcClient, conversation: Conversation, seq: number): Promise<string | null> {
  const seen = conversation.seen.find((entry) => entry.seq === seq);
  if (seen) return seen.time;
  const page = (await client.connection.run("history:read", {
    target: conversation.name,
    around: seq,
    limit: 1,
  })) as Ack<{ messages: Message[] }>;
  return page.ok ? (page.data.messages.find((m) => m.seq === seq)?.createdAt ?? null) : null;
}

/** Pages walked back to find an old timestamp before giving up (1,000 entries). */
const PAGES_SEARCHED = 5;

/** The newest entry of the conversation written at or before `time`; 0 when none is. */
export async function seqAtTime(client: IrcClient, conversation: Conversation, time: string): Promise<number> {
  const at = Date.parse(time);
  const known = conversation.seen.filter((entry) => Date.parse(entry.time) <= at).pop();
  if (known && known.seq === conversation.lastSeq) return known.seq;
  let before: number | undefined;
  for (let page = 0; page < PAGES_SEARCHED; page++) {
    const ack = await client.call("history:read", {
      target: conversation.name,
      limit: 200,
      ...(before === undefined ? {} : { before }),
    });
    if (!ack.ok) return known?.seq ?? 0;
    const { messages, hasMore } = ack.data;
    const hit = messages.filter((m) => Date.parse(m.createdAt) <= at).pop();
    if (hit) return hit.seq;
    const [oldest] = messages;
    if (!hasMore || oldest === undefined) return 0;
    before = oldest.seq;
  }
  return 0;
}
