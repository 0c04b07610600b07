/** Colours for nicks: readable on dark and light backgrounds, none of them the status colours' red. */
const palette = [
  "cyan",
  "green",
  "yellow",
  "blue",
  "magenta",
  "cyanBright",
  "greenBright",
  "yellowBright",
  "blueBright",
  "magentaBright",
] as const;

/** The same nick always gets the same colour, whatever its case, in every run and on every machine. */
export function nickColor(nick: string): string {
  let hash = 5381;
  for (const ch of nick.toLowerCase()) hash = ((hash * 33) ^ (ch.codePointAt(0) ?? 0)) >>> 0;
  return palette[hash % palette.length] ?? "cyan";
}
