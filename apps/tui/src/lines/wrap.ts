import stringWidth from "string-width";
import type { Row, Segment } from "./segments";

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

type Style = Omit<Segment, "text">;

/** A word or a run of spaces, with its style and how many terminal columns it takes. */
interface Token {
  text: string;
  width: number;
  style: Style;
  space: boolean;
}

/** Printable ASCII: one column per character, no need to measure. */
const ascii = /^[\x20-\x7e]*$/;

/** Columns as the terminal draws them: CJK and emoji take two. */
const measure = (text: string) => (ascii.test(text) ? text.length : stringWidth(text));

function toTokens(segments: readonly Segment[]): Token[] {
  const tokens: Token[] = [];
  for (const { text, ...style } of segments) {
    for (const part of text.split(/( +)/))
      if (part) tokens.push({ text: part, width: measure(part), style, space: part.startsWith(" ") });
  }
  return tokens;
}

/** Consecutive tokens of one kind: a word (which may change style midway, like "<bob>") or the spaces between words. */
function toGroups(tokens: readonly Token[]): Token[][] {
  const groups: Token[][] = [];
  for (const token of tokens) {
    const last = groups[groups.length - 1];
    if (last && last[0]?.space === token.space) last.push(token);
    else groups.push([token]);
  }
  return groups;
}

const sameStyle = (a: Style, b: Style) =>
  a.color === b.color &&
  a.bold === b.bold &&
  a.dim === b.dim &&
  a.italic === b.italic &&
  a.inverse === b.inverse &&
  a.strikethrough === b.strikethrough;

/**
 * Wraps styled text into rows at most `width` columns wide, measuring as the terminal draws
 * (CJK and emoji take two columns), breaking between words where it can and inside a word only
 * when the word is longer than a row. Rows after the first start with `indent` blank columns,
 * so a message's continuation lines hang under its text.
 */
export function wrapSegments(segments: readonly Segment[], width: number, indent = 0): Row[] {
  const hang = indent < width / 2 ? indent : 0;
  const rows: Row[] = [];
  let row: Row = [];
  let used = 0;
  const limit = () => (rows.length === 0 ? width : width - hang);
  const newRow = () => {
    rows.push(row);
    row = hang > 0 ? [{ text: " ".repeat(hang) }] : [];
    used = 0;
  };
  const put = (text: string, columns: number, style: Style) => {
    const last = row[row.length - 1];
    if (last && sameStyle(last, style)) last.text += text;
    else row.push({ ...style, text });
    used += columns;
  };

  for (const group of toGroups(toTokens(segments))) {
    const groupWidth = group.reduce((sum, t) => sum + t.width, 0);
    if (group[0]?.space) {
      // Spaces that would end a row, or start a continuation row, are dropped.
      if ((used > 0 || rows.length === 0) && used + groupWidth <= limit())
        for (const t of group) put(t.text, t.width, t.style);
      continue;
    }
    if (used > 0 && used + groupWidth > limit()) newRow();
    if (groupWidth <= limit()) {
      for (const t of group) put(t.text, t.width, t.style);
      continue;
    }
    // A word longer than a row is cut between graphemes.
    for (const t of group) {
      for (const { segment } of graphemes.segment(t.text)) {
        const columns = measure(segment);
        if (columns > limit()) continue; // wider than a whole row: cannot be shown
        if (used + columns > limit()) newRow();
        put(segment, columns, t.style);
      }
    }
  }
  rows.push(row);
  return rows;
}
