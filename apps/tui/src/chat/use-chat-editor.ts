import { activeChannel, type ChatClient } from "@canaduck/client";
import { parseInput } from "@canaduck/contract";
import { useCallback, useRef, useState } from "react";
import { editorReducer, emptyEditor, type EditorAction, type EditorState } from "../input/line-editor";
import { helpText } from "./help-text";

/** Whether a line is chat text (which tells the others you are typing) rather than a command. */
const isChatText = (value: string) => value !== "" && (!value.startsWith("/") || value.startsWith("//"));

/**
 * The input line's state and what Enter does with it. The state lives in a ref as well, so keys
 * that arrive in one chunk (typing then Enter) each see the edits before them.
 */
export function useChatEditor(client: ChatClient, note: (kind: "info" | "error", text: string) => void, onQuit: (line?: string) => void) {
  const current = useRef<EditorState>(emptyEditor);
  const [editor, setEditor] = useState<EditorState>(emptyEditor);

  const apply = useCallback((action: EditorAction) => {
    current.current = editorReducer(current.current, action);
    setEditor(current.current);
    return current.current;
  }, []);

  const edit = useCallback(
    (action: EditorAction) => {
      const before = current.current.value;
      const after = apply(action).value;
      if (after === before) return;
      const channel = activeChannel(client.getState());
      if (channel && isChatText(after)) client.typing(channel.target);
      else client.stopTyping();
    },
    [apply, client],
  );

  const run = useCallback(
    async (line: string) => {
      const channel = activeChannel(client.getState());
      const parsed = parseInput(line, channel ? { currentTarget: channel.target } : {});
      if (parsed.ok && parsed.command.kind === "local" && parsed.command.name === "help") {
        note("info", helpText(parsed.command.command));
        return;
      }
      if (parsed.ok && parsed.command.kind === "event" && parsed.command.name === "quit") {
        onQuit(line);
        return;
      }
      const error = await client.submit(line);
      if (error) note("error", error.message);
    },
    [client, note, onQuit],
  );

  const submit = useCallback(() => {
    const line = current.current.value;
    apply({ type: "submitted" });
    if (line.trim() === "") return;
    client.stopTyping();
    void run(line);
  }, [apply, client, run]);

  return { editor, edit, submit };
}
