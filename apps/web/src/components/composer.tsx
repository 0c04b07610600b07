import { errorText, typedCommand } from "@canaduck/client";
import {
  applyCompletion,
  commandSpecs,
  completeInput,
  limits,
  type Completion,
  type CompletionCandidates,
} from "@canaduck/contract";
import { useId, useState, type KeyboardEvent, type RefObject } from "react";
import { CommandHint } from "./command-hint";
import { ErrorMessage } from "./error-message";
import { SuggestionList } from "./suggestion-list";

export interface ComposerError {
  code: string;
  message: string;
}

interface ComposerProps {
  /** What the input is for, e.g. "Message #dev". */
  label: string;
  candidates: CompletionCandidates;
  /** Runs the text; resolves with an error to show, or null when it was accepted. */
  onSubmit: (text: string) => Promise<ComposerError | null>;
  onTyping?: (text: string) => void;
  inputRef?: RefObject<HTMLTextAreaElement | null>;
  disabled?: boolean;
}

interface Popup {
  completion: Completion;
  /** The text the completion was computed on: cycling applies each option to it. */
  base: string;
  index: number;
  /** Opened by Tab (cycling through nicks or channels) rather than by typing a command name. */
  cycling: boolean;
}

/** Commands keep their text after a refusal so it can be fixed; said text went to the outbox, which shows its fate. */
const keepsTextOnError = (text: string) =>
  text.startsWith("/") && !text.startsWith("//") && !/^\/(me|msg)\b/i.test(text);

function commandPopup(text: string, cursor: number, candidates: CompletionCandidates): Popup | null {
  if (!text.startsWith("/") || text.startsWith("//") || /\s/.test(text.slice(0, cursor))) return null;
  const completion = completeInput(text, cursor, candidates);
  return completion.kind === "command" && completion.options.length > 0
    ? { completion, base: text, index: 0, cycling: false }
    : null;
}

/**
 * Where messages and commands are typed. Enter sends, Shift+Enter starts a new line; a leading
 * / lists the commands with their one-line help; Tab completes nicks, channels and commands.
 */
export function Composer({ label, candidates, onSubmit, onTyping, inputRef, disabled = false }: ComposerProps) {
  const [text, setText] = useState("");
  const [popup, setPopup] = useState<Popup | null>(null);
  const [error, setError] = useState<ComposerError | null>(null);
  const ids = { error: useId(), list: useId(), hint: useId() };

  const change = (next: string, cursor: number) => {
    setText(next);
    setError(null);
    setPopup(commandPopup(next, cursor, candidates));
    onTyping?.(next);
  };

  const apply = (p: Popup, index: number, close: boolean) => {
    const option = p.completion.options[index];
    if (option === undefined) return;
    const done = applyCompletion(p.base, p.completion, option);
    setText(done.text);
    setPopup(close ? null : { ...p, index });
    requestAnimationFrame(() => inputRef?.current?.setSelectionRange(done.cursor, done.cursor));
  };

  const send = async () => {
    const sent = text;
    if (sent.trim() === "" || disabled) return;
    setText("");
    setPopup(null);
    setError(null);
    onTyping?.("");
    const failure = await onSubmit(sent);
    if (failure) {
      setError(failure);
      if (keepsTextOnError(sent)) setText((current) => (current === "" ? sent : current));
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    const options = popup?.completion.options ?? [];
    if (popup && (e.key === "ArrowDown" || e.key === "ArrowUp")) {
      e.preventDefault();
      const index = (popup.index + (e.key === "ArrowDown" ? 1 : -1) + options.length) % options.length;
      if (popup.cycling) apply(popup, index, false);
      else setPopup({ ...popup, index });
      return;
    }
    if (e.key === "Escape" && popup) {
      e.preventDefault();
      setPopup(null);
      return;
    }
    if (e.key === "Tab" && !e.shiftKey) {
      if (popup) {
        e.preventDefault();
        if (popup.cycling) apply(popup, (popup.index + 1) % options.length, false);
        else apply(popup, popup.index, true);
        return;
      }
      const cursor = e.currentTarget.selectionStart;
      const completion = completeInput(text, cursor, candidates);
      // Nothing to complete: Tab moves focus on, as it should.
      if (completion.options.length === 0 || completion.prefix === "") return;
      e.preventDefault();
      const p: Popup = { completion, base: text, index: 0, cycling: completion.options.length > 1 };
      apply(p, 0, completion.options.length === 1);
      return;
    }
    if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      const chosen = popup ? options[popup.index] : undefined;
      // Enter on a highlighted command that is not typed out yet picks it; otherwise it sends.
      if (popup && !popup.cycling && chosen !== undefined && chosen.toLowerCase() !== text.trim().toLowerCase()) {
        apply(popup, popup.index, true);
        return;
      }
      void send();
    }
  };

  const typed = typedCommand(text);
  const showHint = typed !== null && popup === null && /\s/.test(text);
  const activeOption = popup ? `${ids.list}-${popup.index}` : undefined;

  return (
    <div className="composer">
      {popup && (
        <SuggestionList
          id={ids.list}
          popup={popup.completion}
          index={popup.index}
          onPick={(i) => {
            apply(popup, i, true);
            inputRef?.current?.focus();
          }}
        />
      )}
      {showHint && <CommandHint id={ids.hint} usage={commandSpecs[typed].usage} help={commandSpecs[typed].help} />}
      {error && <ErrorMessage {...errorText(error)} code={error.code} id={ids.error} />}
      <div className="composer-box">
        <textarea
          ref={inputRef}
          className="composer-input"
          rows={1}
          aria-label={label}
          placeholder={label}
          value={text}
          maxLength={limits.messageMaxLength + 200}
          disabled={disabled}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={popup !== null}
          aria-controls={popup ? ids.list : undefined}
          aria-activedescendant={activeOption}
          aria-describedby={[error ? ids.error : "", showHint ? ids.hint : ""].join(" ").trim() || undefined}
          aria-invalid={error !== null}
          onChange={(e) => change(e.target.value, e.target.selectionStart)}
          onKeyDown={onKeyDown}
          onBlur={() => setPopup((p) => (p?.cycling ? null : p))}
        />
        <button
          type="button"
          className="button primary send-button"
          onClick={() => void send()}
          disabled={disabled || text.trim() === ""}
        >
          Send
        </button>
      </div>
      <p className="composer-help" aria-hidden="true">
        <kbd>Enter</kbd> to send · <kbd>Shift</kbd>+<kbd>Enter</kbd> for a new line · <kbd>/</kbd> for commands ·{" "}
        <kbd>Tab</kbd> completes names
      </p>
    </div>
  );
}
