/** What the terminal wraps a paste in once bracketed paste is on (full-screen.ts turns it on). */
export const PASTE_START = "\u001b[200~";
export const PASTE_END = "\u001b[201~";

/** Where a raw input event goes: to the keys, into a paste being read, or a paste just read whole. */
export type PasteStep = { kind: "key" } | { kind: "reading" } | { kind: "pasted"; text: string };

/**
 * Reads bracketed pastes out of the raw input events (a long paste comes in several reads): what
 * is between the markers is text, never keys, so a pasted line break is not an Enter.
 */
export function pasteReader() {
  let buffer: string | null = null;
  return (raw: string): PasteStep => {
    if (buffer === null) {
      if (!raw.startsWith(PASTE_START)) return { kind: "key" };
      buffer = "";
      raw = raw.slice(PASTE_START.length);
    }
    const end = raw.indexOf(PASTE_END);
    if (end === -1) {
      buffer += raw;
      return { kind: "reading" };
    }
    const text = buffer + raw.slice(0, end);
    buffer = null;
    return { kind: "pasted", text: text.replace(/\r\n?/g, "\n") };
  };
}

/** The lines of a pasted block, without the line break a copied block usually ends with. */
export const pastedLines = (text: string): string[] => text.replace(/\n+$/, "").split("\n");
