import { mentions } from "@canaduck/client";
import type { Message } from "@canaduck/contract";
import { formatDateTime, formatTime } from "./format-time";
import { fileSegments } from "./file-line";
import { afterText, replyMark } from "./line-marks";
import { markdownSegments } from "./markdown";
import { nickColor } from "./nick-color";
import type { PaneLine } from "./pane-line";
import { sanitize } from "./sanitize";
import type { Segment } from "./segments";

const nick = (name: string): Segment => ({ text: sanitize(name), color: nickColor(name) });
const reason = (meta: Message["meta"]): Segment[] =>
  meta.reason ? [{ text: ` (${sanitize(meta.reason)})`, dim: true }] : [];

/** A system line's arrow and colour: joins in green, departures in red, the rest plain. */
function systemHead(kind: Message["kind"]): Segment {
  if (kind === "join") return { text: "--> ", color: "green" };
  if (kind === "part" || kind === "kick" || kind === "ban" || kind === "quit") return { text: "<-- ", color: "red" };
  return { text: "--- ", dim: true };
}

function systemBody(message: Message, channelName: string): Segment[] {
  const actor = message.author ? nick(message.author.name) : { text: "the server" };
  const target = message.meta.target ? nick(message.meta.target.name) : { text: "someone" };
  const plain = (text: string): Segment => ({ text, dim: true });
  switch (message.kind) {
    case "join":
      return [actor, plain(` joined ${channelName}`)];
    case "part":
      return [actor, plain(` left ${channelName}`), ...reason(message.meta)];
    case "kick":
      return [target, plain(" was kicked by "), actor, ...reason(message.meta)];
    case "ban": {
      // The same clock and form as every timestamp, not the locale's (which may be 12-hour, or US-ordered).
      const until = message.meta.expiresAt ? ` until ${formatDateTime(Date.parse(message.meta.expiresAt))}` : "";
      return [target, plain(` was banned${until} by `), actor, ...reason(message.meta)];
    }
    case "unban":
      return [actor, plain(" lifted the ban on "), target];
    case "topic":
      return message.text
        ? [actor, plain(" set the topic: "), { text: sanitize(message.text) }]
        : [actor, plain(" cleared the topic")];
    case "mode":
      if (message.meta.previews !== undefined)
        return [actor, plain(` turned link previews ${message.meta.previews ? "on" : "off"} in ${channelName}`)];
      return [
        actor,
        plain(message.meta.inviteOnly ? ` made ${channelName} invite-only` : ` opened ${channelName} to everyone`),
      ];
    case "op":
      return [actor, plain(" made "), target, plain(" an operator")];
    case "quit":
      return [actor, plain(" has quit"), ...reason(message.meta)];
    case "nick":
      // The author carries the new name; the old one is in the line's meta.
      return [nick(message.meta.previousName ?? "someone"), plain(" is now known as "), actor];
    case "deop":
      return [actor, plain(" made "), target, plain(" a plain member")];
    default:
      return [{ text: sanitize(message.text) }];
  }
}

/** A said line's text with its marks: the line it answers, its formatting, "(edited)", its reactions. */
function saidBody(message: Message, highlighted: boolean, previews: boolean): Segment[] {
  // A tombstone: the text is gone from the server, only the fact that something was said stays.
  if (message.deleted) return [{ text: "(message deleted)", dim: true }];
  const style = { ...(highlighted ? { color: "yellow" } : {}), ...(message.kind === "action" ? { italic: true } : {}) };
  const { attachment } = message.meta;
  // A line that says only the file's name shows just the file.
  const text =
    attachment && message.text === attachment.name
      ? fileSegments(attachment)
      : [...markdownSegments(message.text, style), ...(attachment ? [{ text: " " }, ...fileSegments(attachment)] : [])];
  const { preview } = message.meta;
  // The preview's title under the line (a terminal shows no card): text, sanitized as all text is;
  // none when the user turned link previews off (their setting, on every device).
  const previewed: Segment[] = preview && previews ? [{ text: `\n↳ ${sanitize(preview.title)}`, dim: true }] : [];
  return [...(message.replyTo ? replyMark(message.replyTo) : []), ...text, ...afterText(message), ...previewed];
}

/** Formatted lines per message (messages are immutable), so they keep their identity and their wrapped rows. */
const formatted = new WeakMap<Message, { channelName: string; me: string | null; previews: boolean; line: PaneLine }>();

/** `formatMessage`, remembered per message while the channel's name, the user's nick and the previews setting stay the same. */
export function formatMessageCached(
  message: Message,
  channelName: string,
  me: string | null,
  previews = true,
): PaneLine {
  const cached = formatted.get(message);
  if (cached && cached.channelName === channelName && cached.me === me && cached.previews === previews)
    return cached.line;
  const line = formatMessage(message, channelName, me, previews);
  formatted.set(message, { channelName, me, previews, line });
  return line;
}

/**
 * How a stored message reads in the pane, irssi-style: `09:30 <alice> hello`, `09:30 * alice waves`,
 * `09:30 --> bob joined #dev`. A line that names `me` is highlighted.
 */
export function formatMessage(message: Message, channelName: string, me: string | null, previews = true): PaneLine {
  const at = Date.parse(message.createdAt);
  const time: Segment = { text: `${formatTime(at)} `, dim: true };
  const author = message.author?.name ?? "*";
  const base = { key: message.id, at };
  if (message.kind === "text" || message.kind === "action") {
    const highlighted = me !== null && author !== me && mentions(message.text, me);
    const who: Segment = highlighted
      ? { text: sanitize(author), color: "yellow", bold: true, inverse: true }
      : nick(author);
    const body = saidBody(message, highlighted, previews);
    // A bot's nick carries a badge, as the web's: a program is speaking, not a person.
    const badge: Segment[] = message.author?.isBot ? [{ text: " BOT", color: "cyan", bold: true }] : [];
    if (message.kind === "action")
      return {
        ...base,
        head: [time, { text: "* ", bold: true }, who, ...badge, { text: " " }],
        body,
      };
    return { ...base, head: [time, { text: "<", dim: true }, who, ...badge, { text: "> ", dim: true }], body };
  }
  return { ...base, head: [time, systemHead(message.kind)], body: systemBody(message, channelName) };
}
