import { changeKinds, type Message } from "@canaduck/contract";
import type { Conversation, IrcClient } from "./irc-client";
import { linesOf } from "./message-lines";
import { SERVER_NAME } from "./server-info";

let batches = 0;

/** What was said: the only entries a client without chathistory may safely be replayed (see announceJoin). */
const SAID = new Set<string>(["text", "action"]);

/**
 * Log entries replayed (playback on JOIN, a CHATHISTORY answer) as one `chathistory` batch, so
 * the client shows them as history with their server-time rather than as new lines.
 */
export function playback(
  client: IrcClient,
  conversation: Conversation,
  messages: Message[],
  { evenEmpty = false, saidOnly = false }: { evenEmpty?: boolean; saidOnly?: boolean } = {},
): void {
  for (const message of messages) conversation.seen.push({ seq: message.seq, time: message.createdAt });
  conversation.seen.splice(0, Math.max(0, conversation.seen.length - 200));
  // Pages hold lines in their current state: the change entries among them are already applied.
  const shown = messages.filter(
    (m) => !(changeKinds as readonly string[]).includes(m.kind) && (!saidOnly || SAID.has(m.kind)),
  );
  const lines = shown.flatMap((message) => linesOf(client, conversation, message));
  if (lines.length === 0 && !evenEmpty) return;
  if (!client.has("batch")) {
    for (const line of lines) client.send(line);
    return;
  }
  const id = `h${(batches++).toString(36)}`;
  client.send({
    tags: {},
    source: SERVER_NAME,
    command: "BATCH",
    params: [`+${id}`, "chathistory", conversation.name],
  });
  for (const line of lines) client.send({ ...line, tags: { ...line.tags, batch: id } });
  client.send({ tags: {}, source: SERVER_NAME, command: "BATCH", params: [`-${id}`] });
}
