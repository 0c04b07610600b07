/** A word of typed input and where it starts, so free text after it can be taken verbatim. */
export type Token = { text: string; start: number; end: number };

/** Splits input into whitespace-separated words; there is no quoting, as in IRC. */
export function tokenize(input: string): Token[] {
  return Array.from(input.matchAll(/\S+/g), (match) => ({
    text: match[0],
    start: match.index,
    end: match.index + match[0].length,
  }));
}
