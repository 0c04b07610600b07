/** An http(s) URL as people paste it: up to the next space or angle bracket or quote. */
const LINK = /\bhttps?:\/\/[^\s<>"'`]+/i;
/** Punctuation that ends a sentence rather than the URL ("see https://x.org/a."). */
const TRAILING = /[.,;:!?)\]}]+$/;

/**
 * The first http(s) link of a line, or null: the one the server previews. The same rule on
 * every side, so a client can tell which link a preview is about.
 */
export function firstLink(text: string): string | null {
  const found = LINK.exec(text);
  if (found === null) return null;
  const trimmed = found[0].replace(TRAILING, "");
  try {
    const url = new URL(trimmed);
    return url.hostname === "" ? null : url.href;
  } catch {
    return null;
  }
}
