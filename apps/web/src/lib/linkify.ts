import { mentionSpans } from "@canaduck/client";

/** A run of a message's text: plain, a link, or a mention of the reader. */
export type TextPart =
  { kind: "text"; text: string } | { kind: "link"; text: string; href: string } | { kind: "mention"; text: string };

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`]+/gi;
/** Punctuation that usually closes the sentence around a link rather than belonging to it. */
const TRAILING = /[.,;:!?)\]}]+$/;

/** Only http(s) URLs become links, so `javascript:` and friends stay plain text. */
export function safeHref(candidate: string): string | null {
  try {
    const url = new URL(candidate);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

/** The reader's nick as the client core finds it (the same rule that counts and rings mentions). */
function splitMentions(text: string, nick: string | null): TextPart[] {
  if (!nick || text === "") return text === "" ? [] : [{ kind: "text", text }];
  const parts: TextPart[] = [];
  let last = 0;
  for (const { start, end } of mentionSpans(text, nick)) {
    if (start > last) parts.push({ kind: "text", text: text.slice(last, start) });
    parts.push({ kind: "mention", text: text.slice(start, end) });
    last = end;
  }
  if (last < text.length) parts.push({ kind: "text", text: text.slice(last) });
  return parts;
}

/** Splits user text into parts a view renders as text nodes and safe anchors; never markup. */
export function linkify(text: string, nick: string | null = null): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const raw = match[0].replace(TRAILING, "");
    const href = safeHref(raw);
    if (href === null) continue;
    parts.push(...splitMentions(text.slice(last, match.index), nick));
    parts.push({ kind: "link", text: raw, href });
    last = match.index + raw.length;
  }
  parts.push(...splitMentions(text.slice(last), nick));
  return parts;
}
