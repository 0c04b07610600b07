const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });
/** Pictographs, regional-indicator flags and keycaps: what a reaction may be. */
const EMOJI_START = /^(\p{Extended_Pictographic}|\p{Regional_Indicator}{2}|[0-9#*]\uFE0F?\u20E3)/u;
/** Zero-width joiners, variation selectors, skin tones and tag characters that build one emoji. */
const EMOJI_PART =
  /^(\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator}|\u200D|\uFE0E|\uFE0F|\u20E3|[\u{E0020}-\u{E007F}])+$/u;

/** Whether `text` is exactly one emoji: one grapheme cluster built only of emoji parts. */
export function isOneEmoji(text: string): boolean {
  if (text.length === 0 || text.length > 64) return false;
  const clusters = [...segmenter.segment(text)];
  if (clusters.length !== 1) return false;
  if (!EMOJI_START.test(text)) return false;
  return /^[0-9#*]\uFE0F?\u20E3$/u.test(text) || EMOJI_PART.test(text);
}
