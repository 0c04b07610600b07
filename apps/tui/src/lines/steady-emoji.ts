// The classes below list joining marks one by one on purpose: matching them apart is the point.
/* eslint-disable no-misleading-character-class */
const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** The code points whose joining terminals disagree on; text without them is left as it is. */
const UNSTEADY = /[\u200d\ufe0e\ufe0f\u20e3\u{1f1e6}-\u{1f1ff}\u{1f3fb}-\u{1f3ff}\u{e0020}-\u{e007f}]/u;
const EMOJI = /\p{Extended_Pictographic}|[\u{1f1e6}-\u{1f1ff}]|\u20e3/u;
const JOINERS = /[\u200d\ufe0e\ufe0f\u20e3\u{1f3fb}-\u{1f3ff}\u{e0020}-\u{e007f}]/gu;
const REGIONAL = /[\u{1f1e6}-\u{1f1ff}]/gu;

/**
 * Emoji sequences drawn the same width by every terminal, so a measured row is the row drawn.
 * Terminals disagree on the sequences that join several code points into one picture: tmux 3.3
 * draws 👍🏽 as 👍 and 🏽 (four columns) where others draw one (two), likewise ZWJ families, VS16
 * (❤️ one column or two), keycaps and flags. The conservative rule: such a sequence is drawn as
 * its parts that every terminal agrees on — the skin tone, joiners, variation selectors, keycap
 * and tag marks are dropped (👍🏽 → 👍, 👨‍👩‍👧 → 👨👩👧, ❤️ → ❤, 1️⃣ → 1), a flag becomes its two
 * letters (🇫🇷 → FR). The text sent and stored is untouched: only what this terminal draws.
 */
export function steadyEmoji(text: string): string {
  if (!UNSTEADY.test(text)) return text;
  let out = "";
  for (const { segment } of graphemes.segment(text)) {
    out += EMOJI.test(segment)
      ? segment
          .replace(JOINERS, "")
          .replace(REGIONAL, (letter) => String.fromCharCode(0x41 + (letter.codePointAt(0) ?? 0) - 0x1f1e6))
      : segment;
  }
  return out;
}
