/**
 * The text of a search, as both clients and the server read it: words, "quoted phrases" and
 * filters (`from:nick`, `in:#channel` or `in:nick`, `before:` / `after:` / `on:` a date,
 * `has:link`). The last bare word also matches as a prefix, so results follow typing. Words are
 * cut at anything that is not a letter or a digit, as both databases' indexes cut the text, so
 * no input reaches the index as syntax: `NEAR(a b)` searches for the words "near", "a" and "b".
 */

/** A word to find: its letters, lowercased; `prefix` also finds longer words that start with it. */
export interface SearchTerm {
  text: string;
  prefix: boolean;
}

export interface SearchQuery {
  /** Every word must be in the line (phrases' words included), each where its phrase puts it. */
  words: SearchTerm[];
  /** Phrases of two or more words, each found as consecutive words. */
  phrases: string[][];
  from?: string;
  in?: string;
  /** Lines at or after this time (UTC). */
  since?: Date;
  /** Lines before this time (UTC). */
  until?: Date;
  hasLink: boolean;
}

export type SearchQueryReading = { ok: true; query: SearchQuery } | { ok: false; message: string };

/** Longest word the search keeps: longer runs of letters are cut, as the indexes would not match them anyway. */
const WORD_MAX = 64;
/** Words one search may hold: each is one more condition for the index. */
export const SEARCH_WORDS_MAX = 16;

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 24 * 3600 * 1000;

/**
 * The words of a piece of text, lowercased (letters, digits and their marks; the rest
 * separates), as typed: each database folds accents itself, in its index and in the query alike.
 */
export function searchWords(text: string): string[] {
  return [...text.toLowerCase().matchAll(WORD)].map((m) => m[0].slice(0, WORD_MAX));
}

/**
 * A word as the indexes compare it, for what clients and tests compare outside them: lowercased,
 * accents off ("Café" is "cafe"). The databases fold Latin accents (FTS5's remove_diacritics,
 * PostgreSQL's unaccent); this strips every combining mark, so it may match a little more, which
 * only ever widens a highlight.
 */
export function foldedWord(word: string): string {
  return word.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "").normalize("NFC");
}

/** Midnight UTC of a YYYY-MM-DD date, or null when it is not a real date. */
function dayStart(text: string): Date | null {
  const match = DATE.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const at = new Date(Date.UTC(year, month - 1, day));
  return at.getUTCFullYear() === year && at.getUTCMonth() === month - 1 && at.getUTCDate() === day ? at : null;
}

const FILTERS = ["from", "in", "before", "after", "on", "has"] as const;
type Filter = (typeof FILTERS)[number];
const isFilter = (name: string): name is Filter => (FILTERS as readonly string[]).includes(name);

/** Splits the text into quoted phrases and bare pieces; an unclosed quote runs to the end. */
function pieces(text: string): Array<{ quoted: boolean; text: string }> {
  const out: Array<{ quoted: boolean; text: string }> = [];
  let rest = text;
  while (rest.length > 0) {
    const open = rest.indexOf('"');
    if (open === -1) {
      out.push({ quoted: false, text: rest });
      break;
    }
    if (open > 0) out.push({ quoted: false, text: rest.slice(0, open) });
    const close = rest.indexOf('"', open + 1);
    out.push({ quoted: true, text: close === -1 ? rest.slice(open + 1) : rest.slice(open + 1, close) });
    rest = close === -1 ? "" : rest.slice(close + 1);
  }
  return out;
}

export function parseSearchQuery(text: string): SearchQueryReading {
  const query: SearchQuery = { words: [], phrases: [], hasLink: false };
  const bare: string[] = [];
  for (const piece of pieces(text)) {
    if (piece.quoted) {
      const words = searchWords(piece.text);
      for (const word of words) query.words.push({ text: word, prefix: false });
      if (words.length > 1) query.phrases.push(words);
      continue;
    }
    for (const token of piece.text.split(/\s+/).filter((t) => t.length > 0)) {
      const colon = token.indexOf(":");
      const name = colon > 0 ? token.slice(0, colon).toLowerCase() : "";
      if (!isFilter(name)) {
        bare.push(token);
        continue;
      }
      const value = token.slice(colon + 1);
      const refusal = applyFilter(query, name, value);
      if (refusal !== null) return { ok: false, message: refusal };
    }
  }
  const bareWords = bare.flatMap(searchWords);
  bareWords.forEach((word, i) => query.words.push({ text: word, prefix: i === bareWords.length - 1 }));
  if (query.words.length === 0) return { ok: false, message: "Nothing to search for: give at least one word." };
  if (query.words.length > SEARCH_WORDS_MAX)
    return { ok: false, message: `Too many words: a search takes at most ${SEARCH_WORDS_MAX}.` };
  if (query.since && query.until && query.since >= query.until)
    return { ok: false, message: "No day is both after and before those dates." };
  return { ok: true, query };
}

function applyFilter(query: SearchQuery, name: Filter, value: string): string | null {
  if (value === "") return `${name}: needs a value, as in ${example(name)}.`;
  if (name === "from") {
    query.from = value;
    return null;
  }
  if (name === "in") {
    query.in = value;
    return null;
  }
  if (name === "has") {
    if (value.toLowerCase() !== "link") return `has: takes only "link", as in has:link.`;
    query.hasLink = true;
    return null;
  }
  const day = dayStart(value);
  if (day === null) return `${name}: takes a date like 2026-12-01, not "${value.slice(0, 40)}".`;
  const next = new Date(day.getTime() + DAY_MS);
  if (name === "before") query.until = later(query.until, day, Math.min);
  if (name === "after") query.since = later(query.since, next, Math.max);
  if (name === "on") {
    query.since = later(query.since, day, Math.max);
    query.until = later(query.until, next, Math.min);
  }
  return null;
}

/** Two bounds of the same side combine to the narrower one. */
const later = (held: Date | undefined, given: Date, pick: (a: number, b: number) => number) =>
  held === undefined ? given : new Date(pick(held.getTime(), given.getTime()));

const example = (name: Filter) =>
  ({
    from: "from:alice",
    in: "in:#general",
    before: "before:2026-12-01",
    after: "after:2026-12-01",
    on: "on:2026-12-01",
    has: "has:link",
  })[name];

/**
 * Where the search's words are in a line, as [start, end) offsets of its text, in order: what
 * a client highlights. A word matches a whole word of the text (or its start, for a prefix),
 * compared as the indexes compare them (foldedWord: "Café" is "cafe").
 */
export function highlightRanges(text: string, terms: readonly SearchTerm[]): Array<[number, number]> {
  if (terms.length === 0) return [];
  const ranges: Array<[number, number]> = [];
  const folded = terms.map((t) => ({ text: foldedWord(t.text), prefix: t.prefix }));
  for (const match of text.matchAll(WORD)) {
    const word = foldedWord(match[0]);
    const hit = folded.some((t) => (t.prefix ? word.startsWith(t.text) : word === t.text));
    if (hit) ranges.push([match.index, match.index + match[0].length]);
  }
  return ranges;
}
