import type { Message } from "@canaduck/contract";
import type { Conversation, IrcClient } from "./irc-client";
import type { IrcMessage, TagValue } from "./line";
import { msgidOf } from "./msgid";
import { maskOf } from "./server-info";

const CTCP = "\u0001";

/** The tags every line of a log entry carries (each reaches only clients that enabled it). */
export function entryTags(message: Message): Record<string, TagValue> {
  const tags: Record<string, TagValue> = { time: message.createdAt, msgid: msgidOf(message) };
  if (message.author) tags.account = message.author.name;
  if (message.replyTo) tags["+draft/reply"] = msgidOf({ channelId: message.channelId, seq: message.replyTo.seq });
  return tags;
}

/** Where a PRIVMSG of this conversation is addressed, as the receiving client sees it. */
export function targetFor(client: IrcClient, conversation: Conversation, author: string | undefined): string {
  if (conversation.kind === "channel") return conversation.name;
  return author?.toLowerCase() === client.nick.toLowerCase() ? conversation.name : client.nick;
}

/** Said text as PRIVMSG lines: one per line of the text, each cut to fit IRC's 512 bytes. */
export function privmsgs(source: string, target: string, text: string, tags: Record<string, TagValue>, action = false) {
  const overhead = Buffer.byteLength(`:${source} PRIVMSG ${target} :\r\n`) + (action ? 9 : 0);
  const lines: IrcMessage[] = [];
  for (const line of text.split("\n")) {
    for (const chunk of chunks(line === "" ? " " : line, 512 - overhead)) {
      const body = action ? `${CTCP}ACTION ${chunk}${CTCP}` : chunk;
      lines.push({ tags, source, command: "PRIVMSG", params: [target, body] });
    }
  }
  return lines;
}

function chunks(text: string, maxBytes: number): string[] {
  // Most lines fit: one byte count instead of one per character (this runs per recipient).
  if (Buffer.byteLength(text) <= maxBytes) return [text];
  const out: string[] = [];
  let current = "";
  let size = 0;
  for (const ch of text) {
    const bytes = Buffer.byteLength(ch);
    if (size + bytes > maxBytes) {
      out.push(current);
      current = "";
      size = 0;
    }
    current += ch;
    size += bytes;
  }
  out.push(current);
  return out;
}

/** One log entry as the IRC lines a server would have sent for it (none for what IRC cannot show). */
export function linesOf(client: IrcClient, conversation: Conversation, message: Message): IrcMessage[] {
  const tags = entryTags(message);
  const author = message.author?.name ?? "canaduck";
  const source = maskOf(author);
  const chan = conversation.name;
  const target = targetFor(client, conversation, message.author?.name);
  const who = message.meta.target?.name ?? "*";
  const reason = message.meta.reason;
  const line = (command: string, ...params: string[]): IrcMessage[] => [{ tags, source, command, params }];
  switch (message.kind) {
    case "text":
      return message.deleted ? [] : privmsgs(source, target, message.text, tags);
    case "action":
      return message.deleted ? [] : privmsgs(source, target, message.text, tags, true);
    case "join":
      return line("JOIN", chan);
    case "part":
      return reason ? line("PART", chan, reason) : line("PART", chan);
    case "quit":
      return line("QUIT", reason ?? "Quit");
    case "kick":
      return line("KICK", chan, who, reason ?? who);
    case "ban":
      return [...line("MODE", chan, "+b", `${who}!*@*`), ...line("KICK", chan, who, reason ?? "Banned")];
    case "unban":
      return line("MODE", chan, "-b", `${who}!*@*`);
    case "topic":
      return line("TOPIC", chan, message.text);
    case "mode":
      // Link previews are no IRC mode: an IRC client is not told of that switch.
      if (message.meta.previews !== undefined) return [];
      return line("MODE", chan, message.meta.inviteOnly ? "+i" : "-i");
    case "op":
      return line("MODE", chan, "+o", who);
    case "deop":
      return line("MODE", chan, "-o", who);
    case "nick":
      return [{ tags, source: maskOf(message.meta.previousName ?? author), command: "NICK", params: [author] }];
    case "edit":
      return editLines(client, message, source, target, tags);
    case "delete":
      return client.has("draft/message-redaction") ? line("REDACT", target, changedMsgid(message)) : [];
    case "react":
    case "unreact":
      return reactLines(client, message, source, target, tags);
    case "preview":
      // IRC has no way to attach a card to a line it sent; the link itself is in the line.
      return [];
  }
}

const changedMsgid = (message: Message) => msgidOf({ channelId: message.channelId, seq: message.meta.targetSeq ?? 0 });

/** An edit: the new text as a PRIVMSG marked "(edited)", tagged +draft/edit with the line it replaces. */
function editLines(
  client: IrcClient,
  message: Message,
  source: string,
  target: string,
  tags: Record<string, TagValue>,
) {
  if (message.text === "") return [];
  const editTags = { ...tags, "+draft/edit": changedMsgid(message) };
  return privmsgs(source, target, `(edited) ${message.text}`, editTags);
}

/** A reaction: a TAGMSG with +draft/react, for clients that take client tags; others see nothing. */
function reactLines(
  client: IrcClient,
  message: Message,
  source: string,
  target: string,
  tags: Record<string, TagValue>,
) {
  if (!client.has("message-tags") || message.meta.emoji === undefined) return [];
  const key = message.kind === "react" ? "+draft/react" : "+draft/unreact";
  const reactTags = { ...tags, [key]: message.meta.emoji, "+draft/reply": changedMsgid(message) };
  return [{ tags: reactTags, source, command: "TAGMSG", params: [target] }];
}
