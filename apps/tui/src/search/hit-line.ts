import { EXCERPT_CHARS, searchExcerpt } from "@canaduck/client/search";
import type { ClientEventResult, SearchTerm } from "@canaduck/contract";
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
export const EXCERPT_MAX = EXCERPT_CHARS;

/**
 * The text cut into plain and matched pieces by the client core's excerpt (a long line cut
 * around its first match, "…" where it was cut, line breaks as spaces), each piece sanitised on
 * its own, after the cut, so the marks still fall on the matched words.
 */
export function highlightedText(text: string, terms: readonly SearchTerm[]): Segment[] {
  return searchExcerpt(text, terms, EXCERPT_MAX).flatMap((part): Segment[] => {
    const clean = sanitize(part.text).replace(/\n/g, " ");
    if (clean === "") return [];
    return [part.mark ? { text: clean, ...MATCH_STYLE } : { text: clean }];
  });
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
