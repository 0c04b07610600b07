import type { IrcClient } from "../irc-client";
import { SERVER_NAME } from "../server-info";

/**
 * CHATHISTORY TARGETS <from> <to> <limit>: the conversations with an entry between the two
 * times, each with the time of its newest entry, in a draft/chathistory-targets batch.
 */
export async function chathistoryTargets(client: IrcClient, from: string, to: string, limit: number): Promise<void> {
  const times = [from, to].map((ref) => Date.parse(ref.replace(/^timestamp=/, "")));
  const [low = NaN, high = NaN] = [Math.min(...times), Math.max(...times)];
  if (Number.isNaN(low) || Number.isNaN(high)) {
    return client.fail("CHATHISTORY", "INVALID_PARAMS", "TARGETS takes two timestamps", "TARGETS");
  }
  const found: Array<{ name: string; time: string }> = [];
  for (const conversation of client.conversations.values()) {
    const ack = await client.call("history:read", { target: conversation.name, limit: 1 });
    const newest = ack.ok ? ack.data.messages.at(-1) : undefined;
    if (newest === undefined) continue;
    const at = Date.parse(newest.createdAt);
    if (at > low && at <= high) found.push({ name: conversation.name, time: newest.createdAt });
  }
  found.sort((a, b) => a.time.localeCompare(b.time));
  const id = `t${Date.now().toString(36)}`;
  const batched = client.has("batch");
  if (batched) {
    client.send({ tags: {}, source: SERVER_NAME, command: "BATCH", params: [`+${id}`, "draft/chathistory-targets"] });
  }
  for (const { name, time } of found.slice(0, limit)) {
    client.send({
      tags: batched ? { batch: id } : {},
      source: SERVER_NAME,
      command: "CHATHISTORY",
      params: ["TARGETS", name, `timestamp=${time}`],
    });
  }
  if (batched) client.send({ tags: {}, source: SERVER_NAME, command: "BATCH", params: [`-${id}`] });
}
