import type { Message, ServerEventName, ServerEventPayload } from "@canaduck/contract";
import { announceJoin } from "./announce-join";
import type { Conversation, IrcClient } from "./irc-client";
import { linesOf } from "./message-lines";
import { sendMarkRead } from "./read-marker";
import { maskOf, SERVER_NAME } from "./server-info";

type Handlers = {
  [E in ServerEventName]?: (client: IrcClient, payload: ServerEventPayload<E>) => void | Promise<void>;
};

/**
 * Server events, as a browser of the same user receives them, turned into IRC lines: the one
 * place that says how CanaDuck's events look on IRC.
 */
const handlers: Handlers = {
  "message:new": (client, message) => onMessage(client, message),
  "channel:joined": (client, { channel }) => announceJoin(client, channel),
  "channel:left": (client, left) => {
    const conversation = client.conversations.get(left.channelId);
    if (conversation === undefined) return;
    client.conversations.delete(left.channelId);
    if (conversation.kind === "direct") return;
    const me = maskOf(client.nick);
    if (left.reason === "part") return client.send({ tags: {}, source: me, command: "PART", params: [left.name] });
    const by = maskOf(left.by ?? SERVER_NAME);
    if (left.reason === "ban") {
      client.send({ tags: {}, source: by, command: "MODE", params: [left.name, "+b", `${client.nick}!*@*`] });
    }
    const reason = left.message ?? (left.reason === "ban" ? "Banned" : client.nick);
    client.send({ tags: {}, source: by, command: "KICK", params: [left.name, client.nick, reason] });
  },
  "channel:invited": (client, { channel, by }) =>
    client.send({ tags: {}, source: maskOf(by), command: "INVITE", params: [client.nick, channel] }),
  "user:updated": (client, { user, previousName }) => {
    const self = user.id === client.account?.id;
    // The rename this client asked for was answered from its ack already.
    if (previousName === user.name || (self && client.nick === user.name)) return;
    for (const conversation of client.conversations.values()) {
      if (conversation.kind === "direct" && conversation.name === previousName) conversation.name = user.name;
    }
    if (self) client.nick = user.name;
    client.send({ tags: {}, source: maskOf(previousName), command: "NICK", params: [user.name] });
  },
  "user:away": (client, { user, away }) => {
    if (!client.has("away-notify") || user.id === client.account?.id) return;
    client.send({ tags: {}, source: maskOf(user.name), command: "AWAY", params: away === null ? [] : [away] });
  },
  "read:marked": (client, marked) => sendMarkRead(client, marked.channelId, marked.readSeq),
  "server:alert": (client, { text, from }) => client.notice(`[alert from ${from}] ${text}`),
  "session:ended": (client, { reason }) => client.notice(`Your CanaDuck session ended (${reason}).`),
};

/** Recent quit lines: one quit is written in each channel the user was in, and IRC says it once. */
const QUITS_KEPT = 64;

function onMessage(client: IrcClient, message: Message): void {
  const conversation = client.conversations.get(message.channelId);
  if (conversation === undefined) return;
  conversation.lastSeq = Math.max(conversation.lastSeq, message.seq);
  conversation.seen.push({ seq: message.seq, time: message.createdAt });
  if (conversation.seen.length > 200) conversation.seen.shift();
  const mine = message.author !== null && message.author.id === client.account?.id;
  // This client's own send: answered from the ack (echo-message), not again from its broadcast.
  if (mine && message.clientId !== undefined && client.ownSends.delete(message.clientId)) return;
  // Entries about this client itself arrive as channel:joined / channel:left / user:updated.
  if (mine && (message.kind === "join" || message.kind === "part" || message.kind === "quit")) return;
  if ((message.kind === "kick" || message.kind === "ban") && message.meta.target?.id === client.account?.id) return;
  if (message.kind === "nick") return;
  if (message.kind === "quit" && message.author) {
    const key = `${message.author.id}@${message.createdAt}`;
    if (client.recentQuits.includes(key)) return;
    client.recentQuits.push(key);
    if (client.recentQuits.length > QUITS_KEPT) client.recentQuits.shift();
  }
  if (conversation.kind === "channel" && (message.kind === "text" || message.kind === "action")) {
    return client.sendSerialized(sharedText(client, conversation, message), () =>
      linesOf(client, conversation, message),
    );
  }
  for (const line of linesOf(client, conversation, message)) client.send(line);
}

/**
 * A channel's said line is the same for every member whose client takes the same tags, and the
 * event object is the same for every connection it reaches on this node: it is cut and
 * serialized once per tag profile, not once per member (that was most of a fan-out's CPU).
 */
const serializedLines = new WeakMap<Message, Map<string, string>>();

function sharedText(client: IrcClient, conversation: Conversation, message: Message): string {
  let byProfile = serializedLines.get(message);
  if (byProfile === undefined) serializedLines.set(message, (byProfile = new Map<string, string>()));
  const profile = client.tagProfile();
  let text = byProfile.get(profile);
  if (text === undefined) {
    text = linesOf(client, conversation, message)
      .map((line) => client.serialized(line))
      .join("");
    byProfile.set(profile, text);
  }
  return text;
}

export function deliverEvent(client: IrcClient, event: string, payload: unknown): void | Promise<void> {
  const handler = handlers[event as ServerEventName] as ((client: IrcClient, payload: unknown) => void) | undefined;
  return handler?.(client, payload);
}
