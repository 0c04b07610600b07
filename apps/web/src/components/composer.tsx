import { errorText, typedCommand } from "@canaduck/client";
import {
  applyCompletion,
  commandSpecs,
  completeInput,
  limits,
  type Completion,
  type CompletionCandidates,
} from "@canaduck/contract";
import { useEffect, useId, useRef, useState, type KeyboardEvent, type RefObject } from "react";
import { CommandHint } from "./command-hint";
import { ErrorMessage } from "./error-message";
import { SuggestionList } from "./suggestion-list";

export interface ComposerError {
  code: string;
  message: string;
}

/** The composer working on a line rather than a new message: changing it, or answering it. */
export type ComposerMode =
  { kind: "edit"; seq: number; text: string } | { kind: "reply"; seq: number; author: string; excerpt: string };

interface ComposerProps {
  /** What the input is for, e.g. "Message #dev". */
  label: string;
  candidates: CompletionCandidates;
  /** Runs the text; resolves with an error to show, or null when it was accepted. */
  onSubmit: (text: string) => Promise<ComposerError | null>;
  onTyping?: (text: string) => void;
  inputRef?: RefObject<HTMLTextAreaElement | null>;
  disabled?: boolean;
  /** Editing or replying to a line; null or absent for a new message. */
  mode?: ComposerMode | null;
  onCancelMode?: () => void;
  /** Saves the edited text of line `seq`; resolves with a refusal to show, or null. */
  onSaveEdit?: (seq: number, text: string) => Promise<ComposerError | null>;
  /** Sends `text` as a reply to line `seq`. */
  onSendReply?: (seq: number, text: string) => Promise<ComposerError | null>;
  /** ↑ in an empty composer: edit the user's last line. */
  onEditLast?: () => void;
  /** Files picked with the attach button or pasted: uploaded to the conversation. */
  onFiles?: (files: File[]) => void;
}

/** A command rather than text: in reply mode it runs as it would otherwise. */
const isCommand = (text: string) => text.startsWith("/") && !text.startsWith("//");

function ModeBar({ mode, onCancel }: { mode: ComposerMode; onCancel: () => void }) {
  return (
    <div className="composer-mode" role="status">
      <span className="composer-mode-text">
        {mode.kind === "edit" ? (
          "Editing your message · Enter saves, Esc cancels"
        ) : (
          <>
            Replying to <strong>{mode.author}</strong>: {mode.excerpt}
          </>
        )}
      </span>
      <button
        type="button"
        className="link-button"
        aria-label={mode.kind === "edit" ? "Cancel editing" : "Cancel the reply"}
        onClick={onCancel}
      >
        Cancel
      </button>
    </div>
  );
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
export function Composer({
  label,
  candidates,
  onSubmit,
  onTyping,
  inputRef,
  disabled = false,
  mode = null,
  onCancelMode,
  onSaveEdit,
  onSendReply,
  onEditLast,
  onFiles,
}: ComposerProps) {
  const picker = useRef<HTMLInputElement>(null);
  const [text, setText] = useState("");
  const [popup, setPopup] = useState<Popup | null>(null);
  const [error, setError] = useState<ComposerError | null>(null);
  // The message being written when an edit started: back in the box once the edit is over.
  const draftBeforeEdit = useRef<string | null>(null);
  const editing = mode?.kind === "edit" ? mode : null;
  useEffect(() => {
    if (!editing) return;
    setText((current) => {
      draftBeforeEdit.current ??= current;
      return editing.text;
    });
    setError(null);
    requestAnimationFrame(() => {
      const box = inputRef?.current;
      box?.focus();
      box?.setSelectionRange(editing.text.length, editing.text.length);
    });
  }, [editing, inputRef]);
  useEffect(() => {
    if (mode?.kind === "reply") requestAnimationFrame(() => inputRef?.current?.focus());
  }, [mode, inputRef]);

  const endMode = () => {
    if (editing) {
      setText(draftBeforeEdit.current ?? "");
      draftBeforeEdit.current = null;
    }
    onCancelMode?.();
  };
  const ids = { error: useId(), list: useId(), hint: useId(), over: useId() };

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

  const over = text.length - limits.messageMaxLength;
  const send = async () => {
    const sent = text;
    // Too long: nothing is sent and nothing is lost; the note below says how much to cut.
    if (sent.trim() === "" || disabled || over > 0) return;
    if (editing && onSaveEdit) {
      const failure = await onSaveEdit(editing.seq, sent);
      if (failure) setError(failure);
      else endMode();
      return;
    }
    if (mode?.kind === "reply" && onSendReply && !isCommand(sent)) {
      setText("");
      setError(null);
      onTyping?.("");
      const failure = await onSendReply(mode.seq, sent);
      if (failure) {
        setError(failure);
        setText((current) => (current === "" ? sent : current));
      } else onCancelMode?.();
      return;
    }
    setText("");
    setPopup(null);
    setError(null);
    onTyping?.("");
    const failure = await onSubmit(sent);
    if (failure) {
      setError(failure);
      // A line that never left (nowhere to send it) stays to be fixed, as a refused command does.
      if (keepsTextOnError(sent) || failure.code === "NO_TARGET")
        setText((current) => (current === "" ? sent : current));
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
    if (e.key === "Escape" && mode) {
      e.preventDefault();
      endMode();
      return;
    }
    if (e.key === "ArrowUp" && text === "" && !mode && onEditLast) {
      e.preventDefault();
      onEditLast();
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
      {mode && <ModeBar mode={mode} onCancel={endMode} />}
      {over > 0 && (
        <p className="composer-over" id={ids.over} role="status">
          {over.toLocaleString()} character{over === 1 ? "" : "s"} over the limit — cut {over.toLocaleString()} to send
        </p>
      )}
      <div className="composer-box">
        <textarea
          ref={inputRef}
          className="composer-input"
          rows={1}
          aria-label={label}
          placeholder={label}
          value={text}
          disabled={disabled}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={popup !== null}
          aria-controls={popup ? ids.list : undefined}
          aria-activedescendant={activeOption}
          aria-describedby={
            [error ? ids.error : "", showHint ? ids.hint : "", over > 0 ? ids.over : ""].join(" ").trim() || undefined
          }
          aria-invalid={error !== null || over > 0}
          onChange={(e) => change(e.target.value, e.target.selectionStart)}
          onKeyDown={onKeyDown}
          onBlur={() => setPopup((p) => (p?.cycling ? null : p))}
          onPaste={(e) => {
            const files = [...e.clipboardData.files];
            if (files.length === 0 || !onFiles) return;
            // A pasted image or file is uploaded; pasted text goes in the box as usual.
            e.preventDefault();
            onFiles(files);
          }}
        />
        {onFiles && (
          <>
            <button
              type="button"
              className="button attach-button"
              aria-label="Attach a file"
              title="Attach a file (or paste, or drop it on the conversation)"
              disabled={disabled}
              onClick={() => picker.current?.click()}
            >
              📎
            </button>
            <input
              ref={picker}
              type="file"
              multiple
              hidden
              data-testid="file-input"
              onChange={(e) => {
                const files = [...(e.target.files ?? [])];
                e.target.value = "";
                if (files.length > 0) onFiles(files);
              }}
            />
          </>
        )}
        <button
          type="button"
          className="button primary send-button"
          onClick={() => void send()}
          disabled={disabled || text.trim() === "" || over > 0}
        >
          {editing ? "Save" : "Send"}
        </button>
      </div>
      <p className="composer-help" aria-hidden="true">
        <kbd>Enter</kbd> to send · <kbd>Shift</kbd>+<kbd>Enter</kbd> for a new line · <kbd>/</kbd> for commands ·{" "}
        <kbd>Tab</kbd> completes names
      </p>
    </div>
  );
}
