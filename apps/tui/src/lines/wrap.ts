import stringWidth from "string-width";
import type { Row, Segment } from "./segments";

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** One grapheme with its style and how many terminal columns it takes. */
interface Cell {
  text: string;
  width: number;
  style: Omit<Segment, "text">;
}

function toCells(segments: readonly Segment[]): Cell[] {
  const cells: Cell[] = [];
  for (const { text, ...style } of segments) {
    for (const { segment } of graphemes.segment(text)) cells.push({ text: segment, width: stringWidth(segment), style });
  }
  return cells;
}

const sameStyle = (a: Omit<Segment, "text">, b: Omit<Segment, "text">) =>
  a.color === b.color && a.bold === b.bold && a.dim === b.dim && a.italic === b.italic && a.inverse === b.inverse;

function toRow(cells: readonly Cell[]): Row {
  const row: Row = [];
  for (const cell of cells) {
    const last = row[row.length - 1];
    if (last && sameStyle(last, cell.style)) last.text += cell.text;
    else row.push({ ...cell.style, text: cell.text });
  }
  return row;
}

/** Splits cells into words, each with the spaces that follow it. */
function toWords(cells: readonly Cell[]): { word: Cell[]; spaces: Cell[] }[] {
  const words: { word: Cell[]; spaces: Cell[] }[] = [];
  for (const cell of cells) {
    const last = words[words.length - 1];
    if (cell.text === " ") {
      if (last) last.spaces.push(cell);
      else words.push({ word: [], spaces: [cell] });
    } else if (last && last.spaces.length === 0) last.word.push(cell);
    else words.push({ word: [cell], spaces: [] });
  }
  return words;
}

const widthOf = (cells: readonly Cell[]) => cells.reduce((sum, c) => sum + c.width, 0);

/**
 * Wraps styled text into rows at most `width` columns wide, measuring each grapheme as the
 * terminal draws it (CJK and emoji take two columns), breaking between words where it can and
 * inside a word only when the word is longer than a row. Rows after the first start with
 * `indent` blank columns, so a message's continuation lines hang under its text.
 */
export function wrapSegments(segments: readonly Segment[], width: number, indent = 0): Row[] {
  const hang = indent < width / 2 ? indent : 0;
  const rows: Cell[][] = [];
  let row: Cell[] = [];
  let used = 0;
  const limit = () => (rows.length === 0 ? width : width - hang);
  const newRow = () => {
    rows.push(row);
    row = [];
    used = 0;
  };
  for (const { word, spaces } of toWords(toCells(segments))) {
    const wordWidth = widthOf(word);
    if (used > 0 && used + wordWidth > limit()) newRow();
    for (const cell of word) {
      if (cell.width > limit()) continue; // wider than a whole row: cannot be shown
      if (used + cell.width > limit()) newRow();
      row.push(cell);
      used += cell.width;
    }
    for (const space of spaces) {
      if (used + space.width > limit()) break; // spaces at the end of a row are dropped
      row.push(space);
      used += space.width;
    }
  }
  if (row.length > 0 || rows.length === 0) rows.push(row);
  const pad: Cell = { text: " ".repeat(hang), width: hang, style: {} };
  return rows.map((cells, i) => toRow(i > 0 && hang > 0 ? [pad, ...trimStart(cells)] : cells));
}

function trimStart(cells: Cell[]): Cell[] {
  let i = 0;
  while (i < cells.length && cells[i]?.text === " ") i++;
  return cells.slice(i);
}
