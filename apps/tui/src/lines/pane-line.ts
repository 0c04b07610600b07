import stringWidth from "string-width";
import type { Row, Segment } from "./segments";
import { wrapSegments } from "./wrap";

/** One entry of the message pane before wrapping: a head (time, nick) and a body that wraps under it. */
export interface PaneLine {
  /** Stable across renders: the message id, or the notice's. */
  key: string;
  /** When it happened (ms since epoch), to interleave messages and notices. */
  at: number;
  head: Segment[];
  body: Segment[];
}

/** Splits styled text at line breaks, keeping each part's style. */
function splitLines(segments: readonly Segment[]): Segment[][] {
  const lines: Segment[][] = [[]];
  for (const segment of segments) {
    segment.text.split("\n").forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part) lines[lines.length - 1]?.push({ ...segment, text: part });
    });
  }
  return lines;
}

/** Rows already laid out, per line and width: a new message costs its own wrapping, not everyone's. */
const laidOut = new WeakMap<PaneLine, { width: number; rows: Row[] }>();

/** The rows a pane line takes at a width: wrapped, with every continuation hanging under the body. */
export function layoutPaneLine(line: PaneLine, width: number): Row[] {
  const cached = laidOut.get(line);
  if (cached?.width === width) return cached.rows;
  const rows = wrapPaneLine(line, width);
  laidOut.set(line, { width, rows });
  return rows;
}

function wrapPaneLine(line: PaneLine, width: number): Row[] {
  const headWidth = stringWidth(line.head.map((s) => s.text).join(""));
  const [first = [], ...rest] = splitLines(line.body);
  const blank: Segment = { text: " ".repeat(headWidth < width / 2 ? headWidth : 0) };
  return [
    ...wrapSegments([...line.head, ...first], width, headWidth),
    ...rest.flatMap((paragraph) => wrapSegments([blank, ...paragraph], width, headWidth)),
  ];
}
