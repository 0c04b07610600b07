/**
 * NO_COLOR (https://no-color.org): when it is set to anything but "", no colour reaches the
 * terminal. Ink's colour library does not read it, so the program's output is filtered instead:
 * the colour parameters of every SGR sequence (foreground, background, 256 and true colour) are
 * removed, while bold, dim, italic, underline, inverse and strikethrough stay — they are not
 * colours, and the cursor (an inverse cell) and the formatting marks need them.
 */
export const noColorWanted = (env: NodeJS.ProcessEnv): boolean =>
  (env.NO_COLOR ?? "") !== "" || monochromeTerm(env.TERM ?? "");

/**
 * Terminals that draw no colour, by their terminfo name: dumb ones, the DEC VTs, and the
 * monochrome variants ("xterm-mono", "linux-m", "screen-mono"). Their colour sequences would at
 * best be ignored, at worst shown as garbage.
 */
export const monochromeTerm = (term: string): boolean => /^(dumb|vt\d+)$/.test(term) || /-(mono|m|bw)$/.test(term);

/** Parameters that set a colour: 30–39, 40–49, 90–97, 100–107 (38 and 48 also take their arguments). */
const isColour = (n: number) => (n >= 30 && n <= 49) || (n >= 90 && n <= 97) || (n >= 100 && n <= 107);

function keptParameters(parameters: string): string[] {
  const numbers = parameters.split(/[;:]/).map((p) => (p === "" ? 0 : Number(p)));
  const kept: string[] = [];
  for (let i = 0; i < numbers.length; i++) {
    const n = numbers[i] ?? 0;
    if (n === 38 || n === 48 || n === 58) {
      // 38;5;N or 38;2;R;G;B: skip the arguments along with it.
      i += numbers[i + 1] === 5 ? 2 : numbers[i + 1] === 2 ? 4 : 0;
      continue;
    }
    if (!isColour(n)) kept.push(String(n));
  }
  return kept;
}

/** `text` with the colours taken out of its SGR sequences; a sequence left with nothing is dropped (an empty one would reset every style). */
export function withoutColour(text: string): string {
  // eslint-disable-next-line no-control-regex -- escape sequences are what this edits
  return text.replace(/\u001b\[([0-9;:]*)m/g, (whole, parameters: string) => {
    if (parameters === "" || parameters === "0") return whole;
    const kept = keptParameters(parameters);
    return kept.length === 0 ? "" : `\u001b[${kept.join(";")}m`;
  });
}

/** Makes every later write to `stream` colourless. */
export function stripColourFrom(stream: NodeJS.WriteStream): void {
  const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
  const filtered = (chunk: string | Uint8Array, ...rest: unknown[]): boolean =>
    write(typeof chunk === "string" ? withoutColour(chunk) : chunk, ...rest);
  stream.write = filtered;
}
