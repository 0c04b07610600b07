import { highlightRanges, type SearchTerm } from "@canaduck/contract";

/** A piece of a found line as a client draws it: plain text, marked where it matched the search. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

/** Characters of a found line shown in a result by default: a few lines of a panel or one of a terminal. */
export const EXCERPT_CHARS = 280;

/**
 * The part of a found line to show, cut into plain and matched pieces. A line longer than
 * `maxChars` is cut around its first match, with "…" where text was left out, so the reason it
 * was found is in view. Line breaks read as spaces: a result is one run of text.
 */
export function searchExcerpt(
  text: string,
  terms: readonly SearchTerm[],
  maxChars: number = EXCERPT_CHARS,
): ExcerptPart[] {
  // \s matches single code units, so the offsets of the ranges still hold.
  const flat = text.replace(/\s/g, " ");
  const ranges = highlightRanges(flat, terms);
  let start = 0;
  let end = flat.length;
  if (flat.length > maxChars) {
    const first = ranges[0]?.[0] ?? 0;
    start = Math.max(0, first - Math.floor(maxChars / 3));
    end = Math.min(flat.length, start + maxChars);
    start = Math.max(0, end - maxChars);
    start = clampToCodePoint(flat, start);
    end = clampToCodePoint(flat, end);
  }
  const parts: ExcerptPart[] = [];
  const push = (from: number, to: number, mark: boolean) => {
    if (to > from) parts.push({ text: flat.slice(from, to), mark });
  };
  let at = start;
  for (const [from, to] of ranges) {
    if (to <= start || from >= end) continue;
    push(at, Math.max(at, from), false);
    push(Math.max(at, from), Math.min(to, end), true);
    at = Math.min(to, end);
  }
  push(at, end, false);
  if (start > 0) parts.unshift({ text: "…", mark: false });
  if (end < flat.length) parts.push({ text: "…", mark: false });
  return parts;
}

/** Moves a cut off the second half of a surrogate pair, so no character is split. */
function clampToCodePoint(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return at > 0 && code >= 0xdc00 && code <= 0xdfff ? at - 1 : at;
}
