import type { ChatClient, ChatState } from "@canaduck/client";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  closeWindow,
  emptyBook,
  keepParted,
  moveWindow,
  numberWindows,
  withWindows,
  type WindowBook,
} from "./window-book";
import { partedWhy } from "./parted-why";
import { windowList, type WindowEntry } from "./window-list";

/** The book after the chat state went from `before` to `after`: windows the user was put out of stay, parted. */
export function followState(book: WindowBook, before: ChatState, after: ChatState): WindowBook {
  // Logged out: the next login (perhaps another account) starts with fresh windows.
  if (after.me === null) return book === emptyBook ? book : emptyBook;
  let next = book;
  for (const [id, channel] of Object.entries(before.channels)) {
    if (id in after.channels) continue;
    const why = partedWhy(channel, after.me.id);
    if (why) next = keepParted(next, { channel, why });
  }
  const open = after.order.flatMap((id) => {
    const channel = after.channels[id];
    return channel ? [{ id, lastSeq: channel.view.lastSeq }] : [];
  });
  return numberWindows(next, withWindows(next, open));
}

/**
 * The terminal's windows: numbered once, kept through joins and parts, parted windows kept until
 * `/close`. While a parted window is shown the client core has no conversation open, so nothing
 * typed there goes anywhere.
 */
export function useWindows(client: ChatClient, state: ChatState) {
  const book = useRef(emptyBook);
  const seen = useRef<ChatState | null>(null);
  const [, setChanges] = useState(0);
  const [shownParted, setShownParted] = useState<string | null>(null);

  const follow = useCallback((next: ChatState) => {
    if (seen.current === next) return;
    book.current = followState(book.current, seen.current ?? next, next);
    seen.current = next;
  }, []);
  // Every change of the core's state, not only those rendered: a kick line and the channel:left
  // after it often arrive in one read, and the line says who kicked and why.
  useEffect(() => client.subscribe(() => follow(client.getState())), [client, follow]);
  // And during render, so a new window has its number in the frame it appears in.
  follow(state);
  // Listed again only when the state or the book changed, not on every keystroke's render.
  const current = book.current;
  const windows: WindowEntry[] = useMemo(() => windowList(state, current), [state, current]);

  // The window shown when the user was put out of it stays shown.
  const activeBefore = useRef(state.activeId);
  const shownNow = useRef(shownParted);
  shownNow.current = shownParted;
  useEffect(() => {
    const was = activeBefore.current;
    activeBefore.current = state.activeId;
    if (was !== null && !(was in state.channels) && was in book.current.parted) {
      setShownParted(was);
      client.select(null);
      // Only when there is something to undo: under a flood the state changes hundreds of times a
      // second, and a set state on each (even to the same value) nested renders until React gave up.
    } else if (state.activeId !== null && shownNow.current !== null) setShownParted(null);
  }, [client, state]);
  const parted = shownParted === null ? null : (book.current.parted[shownParted] ?? null);

  const show = useCallback(
    (id: string) => {
      if (id in book.current.parted && !(id in client.getState().channels)) {
        setShownParted(id);
        client.select(null);
        return;
      }
      setShownParted(null);
      client.select(id);
    },
    [client],
  );
  const update = useCallback((change: (b: WindowBook) => WindowBook) => {
    book.current = change(book.current);
    setChanges((n) => n + 1);
  }, []);
  const move = useCallback((id: string, to: number) => update((b) => moveWindow(b, id, to)), [update]);
  /** Forgets a window; the caller parts the channel or hides the conversation. */
  const close = useCallback(
    (id: string, hideUntilAfter?: number) => {
      update((b) => closeWindow(b, id, hideUntilAfter));
      setShownParted((shown) => (shown === id ? null : shown));
    },
    [update],
  );
  const leaveParted = useCallback(() => setShownParted(null), []);
  return { windows, parted, show, move, close, leaveParted };
}
