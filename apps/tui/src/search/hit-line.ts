import { highlightRanges, type ClientEventResult, type SearchTerm } from "@canaduck/contract";
import stringWidth from "string-width";
import { formatDay, formatTime } from "../lines/format-time";
import { nickColor } from "../lines/nick-color";
import { sanitize } from "../lines/sanitize";
import type { Row, Segment } from "../lines/segments";
import { wrapSegments } from "../lines/wrap";

export type SearchHit = ClientEventResult<"search:query">["hits"][number];

/**
 * A matched word: reverse video and bold. Neither is a colour, so with NO_COLOR (which takes only
 * the colours out, see no-color.ts) the words are still marked; the colour is extra.
 */
export const MATCH_STYLE: Omit<Segment, "text"> = { bold: true, inverse: true, color: "yellow" };

/** Characters of a found line's text shown at most: a long line is cut around its first match. */
export const EXCERPT_MAX = 300;
/** Characters kept before the first match when the start is cut. */
const EXCERPT_LEAD = 60;

/** Moves a cut off the second half of a surrogate pair, so no emoji is split in two. */
const atCodePoint = (text: string, at: number) => {
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff ? at - 1 : at;
};

/**
 * The text split into plain and matched pieces, each sanitised on its own (after the split, so
 * the offsets still point at the right characters), line breaks drawn as spaces, and cut to
 * `EXCERPT_MAX` around the first match with "…" where it was cut.
 */
export function highlightedText(text: string, terms: readonly SearchTerm[]): Segment[] {
  const ranges = highlightRanges(text, terms);
  let start = 0;
  let end = text.length;
  if (text.length > EXCERPT_MAX) {
    const first = ranges[0]?.[0] ?? 0;
    start = first > EXCERPT_LEAD ? atCodePoint(text, first - EXCERPT_LEAD) : 0;
    end = atCodePoint(text, Math.min(text.length, start + EXCERPT_MAX));
  }
  const segments: Segment[] = start > 0 ? [{ text: "…", dim: true }] : [];
  const plain = (from: number, to: number) => {
    const piece = sanitize(text.slice(from, to)).replace(/\n/g, " ");
    if (piece) segments.push({ text: piece });
  };
  let at = start;
  for (const [from, to] of ranges) {
    if (to <= at || from >= end) continue;
    plain(at, Math.max(at, from));
    const word = sanitize(text.slice(Math.max(at, from), Math.min(to, end)));
    if (word) segments.push({ text: word, ...MATCH_STYLE });
    at = Math.min(to, end);
  }
  plain(at, end);
  if (end < text.length) segments.push({ text: "…", dim: true });
  return segments;
}

/** "09:30" for a line of today, "2026-11-24 09:30" for an older one: results reach far back. */
export function hitTime(at: number, now: number): string {
  const day = formatDay(at);
  return day === formatDay(now) ? formatTime(at) : `${day} ${formatTime(at)}`;
}

/** A direct conversation is named by the other person's nick, marked "@" as the window list marks it. */
const conversationName = (target: string) => (target.startsWith("#") ? target : `@${target}`);

/**
 * One result as the results window draws it, wrapped to `width`:
 * `▶ 3. #dev 09:30 <alice> the text with its matched words marked`, continuation rows hanging
 * under the conversation's name. `selected` puts the ▶ before it.
 */
export function hitRows(
  hit: SearchHit,
  terms: readonly SearchTerm[],
  number: number,
  selected: boolean,
  width: number,
  now: number,
): Row[] {
  const { message } = hit;
  const author = message.author?.name ?? "*";
  const lead: Segment[] = [
    selected ? { text: "▶ ", bold: true, color: "yellow" } : { text: "  " },
    { text: `${number}. `, bold: true },
  ];
  const head: Segment[] = [
    ...lead,
    { text: `${sanitize(conversationName(hit.target))} `, color: "cyan" },
    { text: `${hitTime(Date.parse(message.createdAt), now)} `, dim: true },
    ...(message.kind === "action"
      ? [{ text: "* ", bold: true }, { text: sanitize(author), color: nickColor(author) }, { text: " " }]
      : [
          { text: "<", dim: true },
          { text: sanitize(author), color: nickColor(author) },
          { text: "> ", dim: true },
        ]),
  ];
  const indent = stringWidth(lead.map((s) => s.text).join(""));
  return wrapSegments([...head, ...highlightedText(message.text, terms)], width, indent);
}
