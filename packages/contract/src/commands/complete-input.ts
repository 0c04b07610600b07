import { adminCommands, commandNames, resolveCommandName } from "./command-specs";
import { tokenize } from "./tokenize";

export type CompletionCandidates = {
  nicks: readonly string[];
  channels: readonly string[];
  /** false: the admins' commands are not offered. */
  isAdmin?: boolean;
};

export type Completion = {
  /** What the options are: command names (with `/`), channels, nicks; "none" for `//` text. */
  kind: "command" | "channel" | "nick" | "none";
  /** The word at the cursor spans `start` to `end` of the text; `applyCompletion` replaces it. */
  start: number;
  end: number;
  /** The part of the word before the cursor, which every option starts with (ignoring case). */
  prefix: string;
  /** Sorted ignoring case; empty when nothing matches. */
  options: string[];
};

const byName = (a: string, b: string) => {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
};

const matching = (prefix: string, names: readonly string[]) => {
  const lower = prefix.toLowerCase();
  return [...new Set(names)].filter((name) => name.toLowerCase().startsWith(lower)).sort(byName);
};

/**
 * The ways to complete the word at `cursor`: command names for a leading `/word`, command names
 * for `/help`'s argument, channels for a word starting with `#`, and nicks for anything else.
 * For Tab, compute this once and cycle `options`, applying each to the original text.
 */
export function completeInput(text: string, cursor: number, candidates: CompletionCandidates): Completion {
  const at = Math.min(Math.max(0, cursor), text.length);
  const start = text.slice(0, at).search(/\S*$/);
  const after = text.slice(at).search(/\s/);
  const end = after === -1 ? text.length : at + after;
  const prefix = text.slice(start, at);
  const completion = (kind: Completion["kind"], options: string[]): Completion => ({
    kind,
    start,
    end,
    prefix,
    options,
  });

  if (text.startsWith("//")) return completion("none", []);
  const offered = candidates.isAdmin === false ? commandNames.filter((name) => !adminCommands.has(name)) : commandNames;
  const slashedNames = offered.map((name) => `/${name}`);
  if (start === 0 && prefix.startsWith("/")) return completion("command", matching(prefix, slashedNames));
  if (prefix.startsWith("#")) return completion("channel", matching(prefix, candidates.channels));
  const wordsBefore = tokenize(text.slice(0, start));
  if (wordsBefore.length === 1 && text.startsWith("/") && resolveCommandName(wordsBefore[0]?.text ?? "") === "help") {
    return completion("command", matching(prefix, prefix.startsWith("/") ? slashedNames : offered));
  }
  return completion("nick", matching(prefix, candidates.nicks));
}

/** The text with the completed word replaced by `choice` and a space after it, and where the cursor goes. */
export function applyCompletion(
  text: string,
  completion: Completion,
  choice: string,
): { text: string; cursor: number } {
  const before = text.slice(0, completion.start) + choice;
  const after = text.slice(completion.end);
  const spaced = /^\s/.test(after) ? after : ` ${after}`;
  return { text: before + spaced, cursor: before.length + 1 };
}
