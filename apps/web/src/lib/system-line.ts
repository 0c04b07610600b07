import type { Message } from "@canaduck/contract";

const who = (m: Message) => m.author?.name ?? "The server";
const target = (m: Message) => m.meta.target?.name ?? "someone";
/**
 * A piece of a system line's sentence: the client's own words, or what someone wrote (a reason,
 * a topic), which is drawn isolated so the bidi marks free text may carry cannot reorder the rest.
 */
export type SentencePart = string | { said: string };
const because = (m: Message): SentencePart[] => (m.meta.reason ? [" (", { said: m.meta.reason }, ")"] : []);

function banLength(m: Message): string {
  const expiresAt = m.meta.expiresAt;
  if (!expiresAt) return "";
  const minutes = Math.round((Date.parse(expiresAt) - Date.parse(m.createdAt)) / 60_000);
  if (Number.isNaN(minutes)) return "";
  if (minutes < 1) return " for less than a minute";
  if (minutes < 60) return ` for ${minutes} minute${minutes === 1 ? "" : "s"}`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return ` for ${hours} hour${hours === 1 ? "" : "s"}`;
  return ` for ${Math.round(hours / 24)} days`;
}

/** The sentence a system line (join, kick, topic…) reads as; null for said text and /me actions. */
export function systemLine(m: Message): string | null {
  const parts = systemLineParts(m);
  return parts && parts.map((part) => (typeof part === "string" ? part : part.said)).join("");
}

/** The same sentence in pieces, what people wrote apart from the rest. */
export function systemLineParts(m: Message): SentencePart[] | null {
  switch (m.kind) {
    case "text":
    case "action":
      return null;
    case "join":
      return [`${who(m)} joined`];
    case "part":
      return [`${who(m)} left`, ...because(m)];
    case "kick":
      return [`${who(m)} removed ${target(m)}`, ...because(m)];
    case "ban":
      return [`${who(m)} banned ${target(m)}${banLength(m)}`, ...because(m)];
    case "unban":
      return [`${who(m)} lifted the ban on ${target(m)}`];
    case "topic":
      return m.text ? [`${who(m)} set the topic: `, { said: m.text }] : [`${who(m)} cleared the topic`];
    case "mode":
      if (m.meta.previews !== undefined) return [`${who(m)} turned link previews ${m.meta.previews ? "on" : "off"}`];
      return [
        m.meta.inviteOnly ? `${who(m)} made the channel invite-only` : `${who(m)} opened the channel to everyone`,
      ];
    case "op":
      return [`${who(m)} made ${target(m)} an operator`];
    case "deop":
      return [`${who(m)} made ${target(m)} a member`];
    case "quit":
      return [`${who(m)} quit`, ...because(m)];
    case "nick":
      // The author carries the new name; the line says what the old one became.
      return [`${m.meta.previousName ?? "someone"} is now known as ${who(m)}`];
    // Change entries are applied to the lines they target, never shown.
    case "edit":
    case "delete":
    case "react":
    case "unreact":
    case "preview":
      return null;
  }
}
