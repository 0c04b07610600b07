import stringWidth from "string-width";
import { steadyEmoji } from "../lines/steady-emoji";

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** The part of the input line that fits, split around the cursor, which is drawn as an inverse cell. */
export interface InputWindow {
  before: string;
  /** The grapheme under the cursor, or a space at the end of the line. */
  at: string;
  after: string;
}

/**
 * Scrolls a long input line sideways so the cursor stays in view, measuring as the terminal
 * draws (wide characters take two cells): everything shown fits in `width` columns.
 */
export function inputWindow(value: string, cursor: number, width: number): InputWindow {
  const cells = [...segmenter.segment(value)].map((s) => ({
    text: s.segment,
    index: s.index,
    // As drawn: the input line goes through the sanitiser, which steadies emoji sequences.
    width: Math.max(0, stringWidth(steadyEmoji(s.segment))),
  }));
  const atIndex = cells.findIndex((c) => c.index >= cursor);
  const cursorCell = atIndex === -1 ? cells.length : atIndex;
  const at = cells[cursorCell]?.text ?? " ";
  let used = Math.max(1, stringWidth(steadyEmoji(at)));
  // Show as much before the cursor as fits in three quarters of the width, the rest after it.
  let start = cursorCell;
  const room = Math.max(
    1,
    width -
      Math.min(
        Math.floor(width / 4),
        cells.slice(cursorCell + 1).reduce((s, c) => s + c.width, 0),
      ),
  );
  while (start > 0 && used + (cells[start - 1]?.width ?? 0) <= room) used += cells[--start]?.width ?? 0;
  let end = cursorCell + 1;
  while (end < cells.length && used + (cells[end]?.width ?? 0) <= width) used += cells[end++]?.width ?? 0;
  const join = (from: number, to: number) =>
    cells
      .slice(from, to)
      .map((c) => c.text)
      .join("");
  return { before: join(start, cursorCell), at, after: join(cursorCell + 1, end) };
}
