import type { ChannelState } from "@canaduck/client";

/** A conversation the user was put out of (kicked, banned): its window stays until `/close`. */
export interface PartedWindow {
  /** The conversation as it was when the user left it: its lines stay readable. */
  channel: ChannelState;
  /** What the window says about it: "You were kicked from #dev by bob (spam)." */
  why: string;
}

/**
 * irssi's window numbers: a window keeps its number from when it opened until it is closed or
 * moved, whatever joins, parts and kicks happen around it, so Alt+4 is always the same window.
 */
export interface WindowBook {
  numbers: Readonly<Record<string, number>>;
  parted: Readonly<Record<string, PartedWindow>>;
  /**
   * Direct conversations closed with `/close`, with their newest seq then: hidden until a newer
   * line arrives (as irssi reopens a query), then numbered like a new window.
   */
  closed: Readonly<Record<string, number>>;
}

export const emptyBook: WindowBook = { numbers: {}, parted: {}, closed: {} };

/** The conversations that have a window: open ones, less those closed that have no new line since. */
export function withWindows(book: WindowBook, open: readonly { id: string; lastSeq: number }[]): string[] {
  return open.filter(({ id, lastSeq }) => (book.closed[id] ?? -1) < lastSeq).map(({ id }) => id);
}

const lowestFree = (taken: ReadonlySet<number>): number => {
  let n = 1;
  while (taken.has(n)) n += 1;
  return n;
};

/**
 * The book after the open conversations are `ids` (in the order they opened): a new one takes the
 * lowest free number; one no longer open keeps its number only while its window stays as parted.
 */
export function numberWindows(book: WindowBook, ids: readonly string[]): WindowBook {
  const open = new Set(ids);
  const numbers: Record<string, number> = {};
  for (const [id, n] of Object.entries(book.numbers)) if (open.has(id) || id in book.parted) numbers[id] = n;
  const taken = new Set(Object.values(numbers));
  for (const id of ids) {
    if (id in numbers) continue;
    const n = lowestFree(taken);
    numbers[id] = n;
    taken.add(n);
  }
  // A parted window whose conversation is open again (rejoined) is an ordinary window once more.
  const parted = Object.fromEntries(Object.entries(book.parted).filter(([id]) => !open.has(id)));
  const closed = Object.fromEntries(Object.entries(book.closed).filter(([id]) => !open.has(id)));
  const same =
    Object.keys(numbers).length === Object.keys(book.numbers).length &&
    Object.entries(numbers).every(([id, n]) => book.numbers[id] === n) &&
    Object.keys(parted).length === Object.keys(book.parted).length &&
    Object.keys(closed).length === Object.keys(book.closed).length;
  return same ? book : { numbers, parted, closed };
}

/** Keeps the window of a conversation the user was put out of, under its number, marked parted. */
export const keepParted = (book: WindowBook, window: PartedWindow): WindowBook =>
  window.channel.view.id in book.numbers
    ? { ...book, parted: { ...book.parted, [window.channel.view.id]: window } }
    : book;

/**
 * `/close`: the window's number is free again. A direct conversation stays hidden until a line
 * newer than `lastSeq` arrives; a channel is parted by the caller.
 */
export function closeWindow(book: WindowBook, id: string, hideUntilAfter?: number): WindowBook {
  const { [id]: _number, ...numbers } = book.numbers;
  const { [id]: _parted, ...parted } = book.parted;
  const closed = hideUntilAfter === undefined ? book.closed : { ...book.closed, [id]: hideUntilAfter };
  return { numbers, parted, closed };
}

/** `/window move N`: the window takes number `to`; the window that had it takes the mover's old one. */
export function moveWindow(book: WindowBook, id: string, to: number): WindowBook {
  const from = book.numbers[id];
  if (from === undefined || from === to) return book;
  const numbers: Record<string, number> = {};
  for (const [other, n] of Object.entries(book.numbers)) numbers[other] = n === to ? from : n;
  numbers[id] = to;
  return { ...book, numbers };
}
