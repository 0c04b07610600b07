import { typedCommand } from "@canaduck/client";
import { helpLines } from "@canaduck/contract";
import type { EditorState } from "../input/line-editor";
import { overLimitOf, overLimitText } from "../input/over-limit";

/**
 * The hint row above the status bar: the options while Tab cycles, otherwise a command's usage
 * and one-line help while it is being typed, or how much to cut from a line over the limit. Null when there is nothing to say.
 */
export function hintText(editor: EditorState): string | null {
  const cycle = editor.completion;
  if (cycle && cycle.completion.options.length > 1) {
    return cycle.completion.options.map((o, i) => (i === cycle.index ? `[${o}]` : o)).join(" ");
  }
  const over = overLimitOf(editor.value);
  if (over > 0) return overLimitText(over);
  const name = typedCommand(editor.value);
  if (name === null) return null;
  const [usage, help] = helpLines(name) ?? [];
  return usage && help ? `${usage} — ${help.trim()}` : null;
}
