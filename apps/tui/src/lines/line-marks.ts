import type { Message, Reaction, ReplySummary } from "@canaduck/contract";
import stringWidth from "string-width";
import { markdownSegments } from "./markdown";
import { nickColor } from "./nick-color";
import { sanitize } from "./sanitize";
import type { Segment } from "./segments";

/** Columns of the original a reply shows: enough to recognise it without pushing the reply's text off the row. */
const REPLY_EXCERPT_COLUMNS = 40;

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** Cuts text to at most `columns` terminal columns (emoji and CJK count two), between graphemes. */
function fitColumns(text: string, columns: number): string {
  if (stringWidth(text) <= columns) return text;
  let out = "";
  let used = 0;
  for (const { segment } of graphemes.segment(text)) {
    const width = stringWidth(segment);
    if (used + width > columns - 1) break;
    out += segment;
    used += width;
  }
  return `${out}…`;
}

/** `↪ bob: first words ` before a reply's text: who it answers and what they said (as it is now). */
export function replyMark(reply: ReplySummary): Segment[] {
  const who = reply.author?.name ?? "someone";
  // The excerpt is the original's source: its words without the formatting marks, on one row.
  const words = markdownSegments(reply.excerpt)
    .map((s) => s.text)
    .join("")
    .replace(/\s+/g, " ");
  const what = reply.deleted ? "(message deleted)" : fitColumns(words, REPLY_EXCERPT_COLUMNS);
  return [
    { text: "↪ ", dim: true },
    { text: sanitize(who), color: nickColor(who), dim: true },
    { text: `: ${what} `, dim: true },
  ];
}

/** ` [👍 2 🎉 1*]` after a line: each emoji with its count, `*` where the user is among the reactors. */
export function reactionsMark(reactions: readonly Reaction[]): Segment[] {
  if (reactions.length === 0) return [];
  const parts = reactions.flatMap((r, i): Segment[] => [
    ...(i > 0 ? [{ text: " ", dim: true }] : []),
    { text: `${sanitize(r.emoji)} ${r.count}`, ...(r.me ? { bold: true } : {}) },
    ...(r.me ? [{ text: "*", bold: true, color: "cyan" }] : []),
  ]);
  return [{ text: " [", dim: true }, ...parts, { text: "]", dim: true }];
}

/** What follows a said line's text: "(edited)" once it was changed, then its reactions. */
export function afterText(message: Message): Segment[] {
  return [...(message.editedAt ? [{ text: " (edited)", dim: true }] : []), ...reactionsMark(message.reactions ?? [])];
}
