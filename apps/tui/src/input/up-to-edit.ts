import { lastOwnLine, type ChannelState } from "@canaduck/client";
import type { EditorState } from "./line-editor";

/**
 * ↑ on an empty prompt: "/edit <your last line's text>", ready to change and send, as in Slack
 * and the web app. Null when it does not apply (text typed, history being browsed, nothing of
 * yours here): ↑ then walks the lines you sent before, as it always did — and a second ↑ after
 * this one does too.
 */
export function upToEdit(
  editor: EditorState,
  channel: Pick<ChannelState, "messages"> | null,
  meId: string | null | undefined,
): string | null {
  if (editor.value !== "" || editor.historyIndex !== null || !channel) return null;
  const line = lastOwnLine(channel, meId);
  // One row of input: the line's breaks become spaces (the prompt has no second row).
  return line ? `/edit ${line.text.replace(/\s*\n\s*/g, " ")}` : null;
}
