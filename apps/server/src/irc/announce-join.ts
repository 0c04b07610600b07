import type { Ack, ChannelView, Message } from "@canaduck/contract";
import { namesReply } from "./commands/names";
import type { IrcClient } from "./irc-client";
import { NUMERICS } from "./numerics";
import { playback } from "./playback";
import { maskOf } from "./server-info";

/**
 * The client is in `channel` now (its JOIN, a join on another device, or the burst after
 * login): JOIN, topic and names as a server sends them, then the recent lines for a client
 * that cannot ask for history. A direct conversation is only remembered: IRC has no JOIN for it.
 */
export async function announceJoin(client: IrcClient, channel: ChannelView): Promise<void> {
  if (client.conversations.has(channel.id)) return;
  const name = channel.kind === "direct" ? (channel.peer?.name ?? channel.name) : channel.name;
  const conversation = { id: channel.id, kind: channel.kind, name, lastSeq: channel.lastSeq, seen: [] };
  client.conversations.set(channel.id, conversation);
  if (channel.kind === "direct") return;
  client.send({ tags: {}, source: maskOf(client.nick), command: "JOIN", params: [channel.name] });
  if (channel.topic === "") client.reply(NUMERICS.RPL_NOTOPIC, channel.name, "No topic is set");
  else client.reply(NUMERICS.RPL_TOPIC, channel.name, channel.topic);
  await namesReply(client, channel.name);
  if (!client.has("draft/chathistory") && client.deps.irc.playbackLines > 0) {
    const page = (await client.connection.run("history:read", {
      target: channel.name,
      limit: client.deps.irc.playbackLines,
    })) as Ack<{ messages: Message[] }>;
    // Only what was said: a client without chathistory takes a replayed JOIN, PART or KICK
    // (its own join among them) as happening now, showing a second JOIN or dropping a member.
    if (page.ok) playback(client, conversation, page.data.messages, { saidOnly: true });
  }
}
