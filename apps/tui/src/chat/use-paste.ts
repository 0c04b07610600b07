import { activeChannel, errorLine, type ChatClient } from "@canaduck/client";
import { useCallback, useMemo, useRef, useState } from "react";
import type { KeyCommand } from "../input/key-commands";
import type { EditorAction, EditorState } from "../input/line-editor";
import { pastedLines, pasteReader } from "../input/paste";

/** What a pasted block of `lines` lines asks before it is sent. */
export const pasteQuestion = (lines: number) => `Paste ${lines} lines? Enter sends as one message, Esc cancels`;

/**
 * Bracketed paste: one pasted line goes into the input line; a block asks first, then goes out
 * as ONE multi-line message (the contract allows line breaks in a message's text). The question
 * is kept in a ref too: keys read in one chunk all act before the next render.
 */
export function usePaste(
  client: ChatClient,
  note: (kind: "info" | "error", text: string) => void,
  edit: (action: EditorAction) => void,
  current: () => EditorState,
  returnToNewest: () => void,
) {
  const [asked, setAskedShown] = useState<string | null>(null);
  const askedNow = useRef<string | null>(null);
  const setAsked = useCallback((block: string | null) => {
    askedNow.current = block;
    setAskedShown(block);
  }, []);
  const read = useMemo(pasteReader, []);

  const pasted = (text: string) => {
    const lines = pastedLines(text);
    if (lines.length <= 1) return edit({ type: "insert", text: lines[0] ?? "" });
    setAsked(lines.join("\n"));
  };
  const send = (block: string) => {
    setAsked(null);
    const open = activeChannel(client.getState());
    if (!open) return note("error", "Open a conversation to paste into first.");
    const { value, cursor } = current();
    const text = value.slice(0, cursor) + block + value.slice(cursor);
    returnToNewest();
    edit({ type: "submitted" });
    void client.sendMessage(open.target, text).then((ack) => {
      // Offline or over the rate: it waits in the outbox and goes by itself.
      if (!ack.ok && ack.error.code !== "UNAVAILABLE" && ack.error.code !== "RATE_LIMITED")
        note("error", errorLine(ack.error));
    });
  };

  /** Takes a raw input event that is (part of) a paste; false for any other, which is a key. */
  const take = (raw: string): boolean => {
    const step = read(raw);
    if (step.kind === "pasted") pasted(step.text);
    return step.kind !== "key";
  };
  /** While a block waits, the question takes the keys: Enter sends it, Esc (or Ctrl+C) drops it. */
  const answer = (command: KeyCommand): boolean => {
    const block = askedNow.current;
    if (block === null) return false;
    if (command.type === "submit") send(block);
    if (command.type === "newest" || command.type === "quit") setAsked(null);
    return true;
  };
  return { take, answer, question: asked === null ? null : pasteQuestion(asked.split("\n").length) };
}
