const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** Where each grapheme starts in `text` (UTF-16 offsets), plus the end: the places a cursor may stand. */
export function boundaries(text: string): number[] {
  const stops = [...segmenter.segment(text)].map((s) => s.index);
  return [...stops, text.length];
}

/** The cursor position one grapheme before `at`, so an emoji or an accented letter moves and deletes whole. */
export function previousBoundary(text: string, at: number): number {
  const stops = boundaries(text);
  let best = 0;
  for (const stop of stops) if (stop < at) best = stop;
  return best;
}

export function nextBoundary(text: string, at: number): number {
  return boundaries(text).find((stop) => stop > at) ?? text.length;
}

/** The start of the word before `at` (readline's Ctrl+W and Alt+B). */
export function previousWord(text: string, at: number): number {
  const before = text.slice(0, at);
  return before.replace(/\S+\s*$|\s+$/, "").length;
}

/** The end of the word after `at` (Alt+F). */
export function nextWord(text: string, at: number): number {
  const match = /^\s*\S+/.exec(text.slice(at));
  return match ? at + match[0].length : text.length;
}
