import { errorLine, type ChatClient, type ChatState } from "@canaduck/client";
import { Box } from "ink";
import { useMemo, useRef, useState } from "react";
import { useKeys } from "../hooks/use-keys";
import { useTerminalSize } from "../hooks/use-terminal-size";
import { pasteReader } from "../input/paste";
import { keyCommands, type KeyCommand } from "../input/key-commands";
import { FieldInput } from "./field-input";
import { initialLogin, loginName, loginProblem, loginReducer, type LoginAction, type LoginState } from "./login-state";
import { SafeText } from "../safe-text";

export interface LoginScreenProps {
  client: ChatClient;
  state: ChatState;
  url: string;
  onQuit: () => void;
}

const statusText: Record<ChatState["status"], string> = {
  connecting: "connecting…",
  online: "connected",
  reconnecting: "cannot reach the server; retrying…",
  offline: "offline",
};

/** Log in or register: nick, then password (masked); Tab switches between the two. */
export function LoginScreen({ client, state, url, onQuit }: LoginScreenProps) {
  const { columns, rows } = useTerminalSize();
  // Kept in a ref too: keys that arrive in one chunk (nick, Enter, password, Enter) each see the ones before.
  const current = useRef<LoginState>(initialLogin);
  const [form, setForm] = useState<LoginState>(initialLogin);
  const dispatch = (action: LoginAction) => {
    current.current = loginReducer(current.current, action);
    setForm(current.current);
  };
  const registering = form.mode === "register";
  // Why the last session ended (expired, logged out elsewhere), when the client core said.
  const lastError = state.notices.filter((n) => n.kind === "error" && n.channelId === null).at(-1)?.text ?? null;

  const send = async () => {
    const now = current.current;
    const problem = loginProblem(now);
    if (problem) return dispatch({ type: "failed", ...problem });
    dispatch({ type: "busy" });
    const name = loginName(now);
    const ack =
      now.mode === "register"
        ? await client.register(name, now.password.value)
        : await client.login(name, now.password.value);
    if (!ack.ok)
      dispatch({
        type: "failed",
        error: errorLine(ack.error),
        field: ack.error.code === "NICK_IN_USE" || ack.error.code === "INVALID_NICK" ? "name" : "password",
      });
  };

  const run = (command: KeyCommand) => {
    if (command.type === "quit") return onQuit();
    if (current.current.busy) return;
    if (command.type === "complete") return dispatch({ type: "toggle-mode" });
    if (command.type === "submit")
      return current.current.field === "name" ? dispatch({ type: "focus", field: "password" }) : void send();
    if (command.type !== "edit") return;
    if (command.action.type === "history-previous") return dispatch({ type: "focus", field: "name" });
    if (command.action.type === "history-next") return dispatch({ type: "focus", field: "password" });
    dispatch({ type: "edit", action: command.action });
  };
  // Bracketed paste is on: a pasted password is text, its markers and line breaks are not keys.
  const readPaste = useMemo(pasteReader, []);
  useKeys((input, key, raw) => {
    const step = readPaste(raw);
    if (step.kind === "pasted")
      return run({ type: "edit", action: { type: "insert", text: step.text.replace(/\n/g, "") } });
    if (step.kind === "reading") return;
    for (const command of keyCommands(input, key, raw)) run(command);
  });

  const fieldWidth = Math.max(8, columns - 14);
  return (
    <Box flexDirection="column" width={columns} height={rows} paddingX={1}>
      <SafeText bold>CanaDuck</SafeText>
      <SafeText wrap="truncate-end">
        <SafeText dimColor>Server: </SafeText>
        {url}
        <SafeText dimColor> ({statusText[state.status]})</SafeText>
      </SafeText>
      <SafeText> </SafeText>
      <SafeText>
        <SafeText inverse={!registering}> Log in </SafeText>
        <SafeText> </SafeText>
        <SafeText inverse={registering}> Register a new account </SafeText>
        <SafeText dimColor> (Tab switches)</SafeText>
      </SafeText>
      <SafeText> </SafeText>
      <FieldInput
        label="Nick:     "
        field={form.name}
        focused={form.field === "name" && !form.busy}
        width={fieldWidth}
      />
      <FieldInput
        label="Password: "
        field={form.password}
        focused={form.field === "password" && !form.busy}
        width={fieldWidth}
        masked
      />
      <SafeText> </SafeText>
      {form.busy ? <SafeText color="yellow">{registering ? "Registering…" : "Logging in…"}</SafeText> : null}
      {form.error ? (
        <SafeText color="red">{form.error}</SafeText>
      ) : !form.busy && lastError ? (
        <SafeText color="red">{lastError}</SafeText>
      ) : null}
      <SafeText dimColor>
        {registering
          ? "Pick a nick and a password of at least 8 characters."
          : "No account yet? Press Tab to register one."}
      </SafeText>
      <SafeText dimColor>Enter goes to the next field and sends; Up/Down move between fields; Ctrl+C leaves.</SafeText>
    </Box>
  );
}
