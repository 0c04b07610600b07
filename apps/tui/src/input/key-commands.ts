import type { Key } from "ink";
import type { EditorAction } from "./line-editor";

/** What a key press asks for, before anyone acts on it. */
export type KeyCommand =
  | { type: "edit"; action: Exclude<EditorAction, { type: "complete" | "submitted" }> }
  | { type: "complete"; backwards: boolean }
  | { type: "submit" }
  | { type: "quit" }
  /** "active": Alt+A, the window with the most important activity. */
  | { type: "switch"; to: "next" | "previous" | "active" | number }
  | { type: "scroll"; direction: "up" | "down" }
  | { type: "toggle-members" }
  /** Alt+Up / Alt+Down: the member list, when it is longer than the screen. */
  | { type: "scroll-members"; direction: "up" | "down" }
  | { type: "redraw" }
  /** End: to the end of the input line, and once there (an empty line is) back to the newest lines. */
  | { type: "end" }
  /** Esc: back to the newest lines, leaving a jump or a scroll. */
  | { type: "newest" }
  /** A key bound with /bind: its command line, run as if typed. */
  | { type: "run"; line: string };

const edit = (action: Extract<KeyCommand, { type: "edit" }>["action"]): KeyCommand[] => [{ type: "edit", action }];

const ctrlKeys: Record<string, KeyCommand[]> = {
  c: [{ type: "quit" }],
  a: edit({ type: "home" }),
  e: edit({ type: "end" }),
  b: edit({ type: "left" }),
  f: edit({ type: "right" }),
  d: edit({ type: "delete" }),
  u: edit({ type: "kill-start" }),
  k: edit({ type: "kill-end" }),
  w: edit({ type: "kill-word" }),
  y: edit({ type: "yank" }),
  n: [{ type: "switch", to: "next" }],
  p: [{ type: "switch", to: "previous" }],
  l: [{ type: "redraw" }],
};

const altKeys: Record<string, KeyCommand[]> = {
  a: [{ type: "switch", to: "active" }],
  b: edit({ type: "word-left" }),
  f: edit({ type: "word-right" }),
  m: [{ type: "toggle-members" }],
};

/** The keys, as `/help` lists them: short enough for the pane of an 80-column terminal. */
export const keyHelp = [
  "Keys:",
  "  Alt+1…9, Alt+0   go to window 1…9, 10",
  "  Ctrl+N, Ctrl+P   next / previous window",
  "  Alt+A            the window with the most important activity",
  "  PageUp, PageDown scroll; at the top, older history",
  "  End, Esc         back to the newest lines (End: from the input's end)",
  "  Tab, Shift+Tab   complete a command, #channel, nick",
  "  Up, Down         lines you sent before",
  "  Up (empty line)  /edit your last line here",
  "  Alt+M            member list on / off",
  "  Alt+Up, Alt+Down scroll the member list",
  "  Ctrl+A, Ctrl+E   start / end of the line",
  "  Ctrl+U, Ctrl+K   cut to the start / to the end",
  "  Ctrl+W           cut the word before the cursor",
  "  Ctrl+Y           put back what was cut last",
  "  Alt+B, Alt+F     a word back / forward (Ctrl+Left, Ctrl+Right too)",
  "  Delete, Ctrl+D   delete the character under the cursor",
  "  Ctrl+L           redraw the screen",
  "  Ctrl+C, /quit    leave",
  "In /search results:",
  "  Up, Down         select a result (empty line); Enter opens it",
  "  PageDown, Down   at the end: older results; Esc closes them",
];

/** What one control character in a chunk of input asks for (Ink reports a chunk as one "key"). */
function controlCommands(char: string): KeyCommand[] {
  if (char === "\r" || char === "\n" || char === "\r\n") return [{ type: "submit" }];
  if (char === "\t") return [{ type: "complete", backwards: false }];
  if (char === "\x7f" || char === "\b") return edit({ type: "backspace" });
  const code = char.charCodeAt(0);
  if (code >= 1 && code <= 26) return ctrlKeys[String.fromCharCode(code + 96)] ?? [];
  return [];
}

/** A key as /bind names it ("ctrl+o", "alt+s", "alt+1"), or null for one it cannot bind. */
function boundName(input: string, key: Key): string | null {
  if (key.escape || !/^[a-z0-9]$/i.test(input)) return null;
  if (key.ctrl) return `ctrl+${input.toLowerCase()}`;
  if (key.meta) return `alt+${input.toLowerCase()}`;
  return null;
}

/**
 * Maps one keypress, as Ink reports it, to what it asks for; `raw` is the sequence the terminal
 * sent, which tells the Delete key (ESC [3~) from Backspace (DEL), both Ink's `delete`. Input
 * that arrives in one chunk (keys typed faster than they are read: text, Enters, Ctrl+U then
 * Ctrl+Y) becomes each of its keys in turn.
 */
export function keyCommands(
  input: string,
  key: Key,
  raw = "",
  bindings: Readonly<Record<string, string>> = {},
): KeyCommand[] {
  const bound = boundName(input, key);
  const line = bound === null ? undefined : bindings[bound];
  if (line !== undefined) return [{ type: "run", line }];
  if (key.return) return [{ type: "submit" }];
  if (key.tab) return [{ type: "complete", backwards: key.shift }];
  if (key.pageUp) return [{ type: "scroll", direction: "up" }];
  if (key.pageDown) return [{ type: "scroll", direction: "down" }];
  if ((key.upArrow || key.downArrow) && key.meta)
    return [{ type: "scroll-members", direction: key.upArrow ? "up" : "down" }];
  if (key.upArrow) return edit({ type: "history-previous" });
  if (key.downArrow) return edit({ type: "history-next" });
  if (key.leftArrow) return edit({ type: key.ctrl || key.meta ? "word-left" : "left" });
  if (key.rightArrow) return edit({ type: key.ctrl || key.meta ? "word-right" : "right" });
  if (key.home) return edit({ type: "home" });
  if (key.end) return [{ type: "end" }];
  if (key.delete && raw.startsWith("\u001b[3")) return edit({ type: "delete" });
  // Terminals send DEL (0x7f) for Backspace, which Ink reports as `delete`.
  if ((key.backspace || key.delete) && input === "") return edit({ type: key.meta ? "kill-word" : "backspace" });
  // Ink reports a lone Esc as Meta too: it is told apart before the Alt keys.
  if (key.escape) return [{ type: "newest" }];
  if (key.ctrl) return ctrlKeys[input.toLowerCase()] ?? [];
  if (key.meta) {
    if (/^[0-9]$/.test(input)) return [{ type: "switch", to: input === "0" ? 10 : Number(input) }];
    return altKeys[input.toLowerCase()] ?? [];
  }
  // eslint-disable-next-line no-control-regex -- control characters are what this splits on
  return (input.match(/\r\n|[\u0000-\u001f\u007f]|[^\u0000-\u001f\u007f]+/g) ?? []).flatMap((part) =>
    // eslint-disable-next-line no-control-regex -- as above
    /^[\u0000-\u001f\u007f]/.test(part) ? controlCommands(part) : edit({ type: "insert", text: part }),
  );
}
