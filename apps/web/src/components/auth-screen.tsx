import { errorText } from "@canaduck/client";
import { limits } from "@canaduck/contract";
import { useId, useState, type FormEvent } from "react";
import { useChatState, useDeferredChat } from "../lib/chat-context";
import { ErrorMessage } from "./error-message";
import { preloadChatScreen } from "./lazy-chat-screen";
import { Logo } from "./logo";

type Mode = "login" | "register";

/** Log in, or create an account; the session is kept for the next visit. */
export function AuthScreen() {
  const chat = useDeferredChat();
  const status = useChatState((s) => s.status);
  const notices = useChatState((s) => s.notices);
  const [mode, setMode] = useState<Mode>("login");
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<{ code: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { name: useId(), password: useId(), hint: useId() };
  // A session that ended elsewhere (expired, logged out) says why, once.
  const ended = notices.findLast(
    (n) => n.channelId === null && (n.code === "SESSION_EXPIRED" || n.code === "NOT_AUTHENTICATED"),
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // The client was fetched as the form appeared; by the time anyone submits, it is here.
    setBusy(true);
    const loaded = await chat.load().catch(() => null);
    if (!loaded) {
      setBusy(false);
      setError({
        code: "UNAVAILABLE",
        message: "The app could not finish loading: check the connection and try again.",
      });
      return;
    }
    const { client, core } = loaded;
    const problem = core.credentialsProblem(mode, name, password);
    if (problem) {
      setBusy(false);
      setError(problem.error);
      return;
    }
    const nick = name.trim();
    setError(null);
    const ack = mode === "login" ? await client.login(nick, password) : await client.register(nick, password);
    setBusy(false);
    if (!ack.ok) setError(ack.error);
  };

  const switchTo = (next: Mode) => {
    setMode(next);
    setError(null);
  };

  return (
    <main className="auth">
      <div className="auth-card">
        <h1>
          <Logo />
        </h1>
        <p className="auth-lede">
          {mode === "login" ? "Welcome back. Log in to chat." : "Create an account to start chatting."}
        </p>
        {/* Typing is the moment to fetch the chat: it arrives while the user finishes the form. */}
        <form
          onSubmit={(e) => void submit(e)}
          onInput={preloadChatScreen}
          noValidate
          aria-label={mode === "login" ? "Log in" : "Create account"}
        >
          <label htmlFor={ids.name}>Name</label>
          <input
            id={ids.name}
            name="username"
            autoComplete="username"
            autoCapitalize="off"
            spellCheck={false}
            maxLength={limits.nickMaxLength}
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
            autoFocus
          />
          <label htmlFor={ids.password}>Password</label>
          <input
            id={ids.password}
            name="password"
            type="password"
            autoComplete={mode === "login" ? "current-password" : "new-password"}
            maxLength={limits.passwordMaxLength}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-describedby={mode === "register" ? ids.hint : undefined}
            required
          />
          {mode === "register" && (
            <p className="hint" id={ids.hint}>
              At least {limits.passwordMinLength} characters.
            </p>
          )}
          {error && <ErrorMessage {...errorText(error)} code={error.code} />}
          {!error && ended && (
            <ErrorMessage {...errorText({ code: ended.code ?? "", message: ended.text })} code={ended.code ?? ""} />
          )}
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? "One moment…" : mode === "login" ? "Log in" : "Create account"}
          </button>
        </form>
        <p className="auth-switch">
          {mode === "login" ? "New here? " : "Already have an account? "}
          <button
            type="button"
            className="link-button"
            onClick={() => switchTo(mode === "login" ? "register" : "login")}
          >
            {mode === "login" ? "Create an account" : "Log in"}
          </button>
        </p>
        {status !== "online" && (
          <p className="auth-status" role="status">
            {status === "connecting" ? "Connecting to the server…" : "Cannot reach the server. Retrying…"}
          </p>
        )}
      </div>
    </main>
  );
}
