/**
 * Theme colours: any colour this client draws can be replaced by another, from config.json's
 * "colors" (`/set color.yellow blue`), for a light terminal or a taste of one's own. Replaced
 * where text is drawn (SafeText), so every screen follows and no cached line holds an old one.
 */

/** The colours Ink draws by name (chalk's), canonical spelling, by lowercase name for `/set`. */
const NAMES = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white", "gray"].flatMap((n) =>
  n === "gray" ? [n] : [n, `${n}Bright`],
);
const byLowercase = new Map(NAMES.map((n) => [n.toLowerCase(), n]));

/** A colour as config.json may hold it: a name above or #rgb / #rrggbb; null when it is neither. */
export function colourNamed(text: string): string | null {
  if (/^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(text)) return text.toLowerCase();
  return byLowercase.get(text.toLowerCase()) ?? null;
}

/** Only the client's own colour names may be replaced: what `/set color.<name>` accepts. */
export const replaceableColour = (text: string): string | null => {
  const name = byLowercase.get(text.toLowerCase());
  return name ?? null;
};

let replaced: Readonly<Record<string, string>> = {};

/** Set at start from the configuration, and again on each `/set color.…`. */
export const setColours = (colours: Readonly<Record<string, string>>): void => {
  replaced = colours;
};

/** The replacements in force: a new object after each `/set color.…`, so memoised rows know to redraw. */
export const currentColours = (): Readonly<Record<string, string>> => replaced;

/** The colour to draw for one the client chose. */
export const themed = (colour: string | undefined): string | undefined =>
  colour === undefined ? undefined : (replaced[colour] ?? colour);
