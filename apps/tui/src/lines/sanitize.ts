// Matching control characters and escape sequences is the point of this file.
/* eslint-disable no-control-regex */
import { steadyEmoji } from "./steady-emoji";

/**
 * Whole escape sequences, so none of their parameters is left on the screen either: CSI
 * (`ESC [` or U+009B, up to its final byte), then the string sequences OSC, DCS, SOS, PM and APC
 * (`ESC ]`, `ESC P`, `ESC X`, `ESC ^`, `ESC _` or their C1 forms, up to BEL or ST, or to the end
 * when never terminated, as a terminal would swallow the rest), then any other `ESC` with its
 * intermediate and final bytes.
 */
const ESCAPE_SEQUENCE =
  /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]?|(?:\u001b[\]PX^_]|[\u0090\u0098\u009d\u009e\u009f])[\s\S]*?(?:\u0007|\u001b\\|\u009c|$)|\u001b[ -/]*[0-~]?/g;

/**
 * What is left after the sequences: C0 controls but the line break, DEL, C1 controls, the
 * bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and marks
 * (LRM, RLM, ALM), which could show a line in another order than it was written.
 */
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Line and paragraph separators: a terminal has rows, not those. */
const SEPARATOR = /[\u2028\u2029]/g;

/**
 * The one sanitiser of what the terminal draws: whatever a server sends (a nick, a topic, a
 * refusal's message, a line) cannot move the cursor, recolour the screen, set the window title,
 * write the clipboard (OSC 52) or reorder what is around it. The real server refuses control
 * characters too; this holds against one that does not. Tabs become a space; line breaks are kept
 * (the pane splits lines at them). Every string reaches the screen through it: see SafeText.
 * Emoji sequences terminals draw at different widths are drawn steadily (see steadyEmoji), so
 * what is measured is what is drawn.
 */
export function sanitize(text: string): string {
  return steadyEmoji(
    text.replace(ESCAPE_SEQUENCE, "").replace(/\t/g, " ").replace(CONTROL, "").replace(SEPARATOR, " "),
  );
}
