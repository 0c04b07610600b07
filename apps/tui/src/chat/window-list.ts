import { conversationList, type ChannelState, type ChatState, type ConversationEntry } from "@canaduck/client";
import { isSaid } from "@canaduck/contract";
import type { WindowBook } from "./window-book";

/** irssi's hotlist levels, lowest first: what happened in a window since it was last read. */
export const activityLevels = ["none", "event", "message", "private", "highlight"] as const;
export type Activity = (typeof activityLevels)[number];

/** A window as the list shows it: a conversation under its kept number, or one the user was put out of. */
export interface WindowEntry extends ConversationEntry {
  activity: Activity;
  /** The user is no longer in it (kicked, banned): shown until `/close`. */
  parted: boolean;
}

/** How much a window asks for attention: a highlight over a private line over a line over a join or part. */
export function activityOf(channel: ChannelState, meId: string | null): Activity {
  if (channel.mentions > 0) return "highlight";
  if (channel.unread > 0) return channel.view.kind === "direct" ? "private" : "message";
  const events = channel.messages.some(
    (m) => m.seq > channel.readSeq && !isSaid(m) && m.kind !== "edit" && m.author?.id !== meId,
  );
  return events ? "event" : "none";
}

/** The open conversations and the parted windows, each under its number, in number order. */
export function windowList(state: ChatState, book: WindowBook): WindowEntry[] {
  const meId = state.me?.id ?? null;
  const open: WindowEntry[] = conversationList(state).flatMap((entry) => {
    const channel = state.channels[entry.id];
    const number = book.numbers[entry.id];
    if (!channel || number === undefined) return [];
    return [{ ...entry, number, activity: activityOf(channel, meId), parted: false }];
  });
  const parted: WindowEntry[] = Object.values(book.parted).flatMap(({ channel }) => {
    const number = book.numbers[channel.view.id];
    if (number === undefined) return [];
    const name = channel.view.kind === "direct" ? channel.target : channel.view.name;
    return [
      {
        id: channel.view.id,
        number,
        name,
        kind: channel.view.kind,
        unread: 0,
        mentions: 0,
        activity: "none",
        parted: true,
        muted: false,
      },
    ];
  });
  return [...open, ...parted].sort((a, b) => a.number - b.number);
}

/** Alt+A: the window with the most important activity (the lowest-numbered of equals), not the one shown. */
export function mostActive(windows: readonly WindowEntry[], shownId: string | null): string | null {
  let best: WindowEntry | null = null;
  for (const w of windows) {
    if (w.id === shownId || w.activity === "none") continue;
    if (best === null || activityLevels.indexOf(w.activity) > activityLevels.indexOf(best.activity)) best = w;
  }
  return best?.id ?? null;
}

/** The window numbered `n`, or null when none is. */
export const windowNumbered = (windows: readonly WindowEntry[], n: number): string | null =>
  windows.find((w) => w.number === n)?.id ?? null;
