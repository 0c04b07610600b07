import { activeChannel, errorLine, planInput, signalsTyping, type ChatClient } from "@canaduck/client";
import { useCallback, useRef, useState } from "react";
import { editorReducer, emptyEditor, type EditorAction, type EditorState } from "../input/line-editor";
import { overLimitOf, overLimitText } from "../input/over-limit";
import { helpText } from "./help-text";
import { readText } from "./read-text";
import { expandAlias, terminalCommand, type TerminalCommand } from "./terminal-commands";
import { windowCommand, type WindowCommand } from "./window-commands";

/**
 * The input line's state and what Enter does with it. The state lives in a ref as well, so keys
 * that arrive in one chunk (typing then Enter) each see the edits before them.
 */
export function useChatEditor(
  client: ChatClient,
  note: (kind: "info" | "error", text: string) => void,
  onQuit: (line?: string) => void,
  onGoto: (line?: number) => Promise<void>,
  /** `/search words`; in the results window (`searching()`), a line without a slash searches too. */
  onSearch: (query: string) => void,
  searching: () => boolean,
  /** `/window …`, `/close`, `/q nick`: the terminal's window commands. */
  onWindowCommand: (command: WindowCommand) => void,
  /** `/clear`, `/lastlog`, `/alias`, `/set`: the terminal's own; `aliases()` expands a line first. */
  onTerminalCommand: (command: TerminalCommand) => void,
  aliases: () => Record<string, string>,
) {
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
      // Words typed in the search results window are a search, not something said in the conversation behind it.
      if (channel && !searching() && signalsTyping(after)) client.typing(channel.target);
      else client.stopTyping();
    },
    [apply, client, searching],
  );

  const run = useCallback(
    async (typed: string) => {
      const line = expandAlias(typed, aliases());
      const terminalCmd = terminalCommand(line);
      if (terminalCmd) return onTerminalCommand(terminalCmd);
      const windowCmd = windowCommand(line);
      if (windowCmd) return onWindowCommand(windowCmd);
      const plan = planInput(line, activeChannel(client.getState())?.target);
      // The terminal's /help lists its keys as well; /quit leaves the program; /goto moves the pane.
      if (plan.kind === "help") return note("info", helpText(plan.command));
      if (plan.kind === "quit") return onQuit(line);
      if (plan.kind === "goto") return await onGoto(plan.line);
      if (plan.kind === "event" && plan.command.name === "search") return onSearch(plan.command.payload.query);
      if (plan.kind === "event" && plan.command.name === "read") {
        const { payload } = plan.command;
        const ack = await client.request("history:read", payload, true);
        return ack.ok
          ? note("info", readText(payload.target, ack.data.messages, client.getState().me?.name ?? null))
          : note("error", errorLine(ack.error));
      }
      if (searching() && plan.kind === "say" && !line.startsWith("/")) return onSearch(line);
      const error = plan.kind === "refused" ? plan.error : await client.submit(line);
      if (error) note("error", errorLine(error));
    },
    [client, note, onQuit, onGoto, onSearch, searching, onWindowCommand, onTerminalCommand, aliases],
  );

  const submit = useCallback(() => {
    const line = current.current.value;
    const over = overLimitOf(line);
    // Nothing typed is thrown away: a line over the limit stays in the prompt to be cut.
    if (over > 0) return note("error", overLimitText(over));
    apply({ type: "submitted" });
    if (line.trim() === "") return;
    client.stopTyping();
    void run(line);
  }, [apply, client, note, run]);

  /** The state as of the last key, which `editor` may not show yet (keys arrive in chunks). */
  const latest = useCallback(() => current.current, []);
  return { editor, edit, submit, current: latest, runLine: run };
}
