import { conversationSettingsOf } from "@canaduck/contract";
import { displayName, type ChatState } from "./state";

/** A conversation as the lists show it, numbered in the order both clients list and step through. */
export interface ConversationEntry {
  id: string;
  /** 1-based place in the list: the terminal's Alt+number. */
  number: number;
  name: string;
  kind: "channel" | "direct";
  /** 0 when muted: a muted conversation counts only mentions. */
  unread: number;
  mentions: number;
  muted: boolean;
}

/**
 * Channels first, then direct conversations, each in the order they were joined: the web's
 * sidebar sections and the terminal's window list, and so the order keys step through.
 */
export function conversationList(state: ChatState): ConversationEntry[] {
  const channels = state.order.flatMap((id) => state.channels[id] ?? []);
  const ordered = [
    ...channels.filter((c) => c.view.kind === "channel"),
    ...channels.filter((c) => c.view.kind === "direct"),
  ];
  return ordered.map((c, i) => {
    const { muted } = conversationSettingsOf(state.settings, c.view.id);
    return {
      id: c.view.id,
      number: i + 1,
      name: displayName(c.view),
      kind: c.view.kind,
      unread: muted ? 0 : c.unread,
      mentions: c.mentions,
      muted,
    };
  });
}

/**
 * The conversation `step` places from the open one, wrapping around; with none open, forward
 * starts at the first and backward at the last.
 */
export function stepConversation(
  entries: readonly ConversationEntry[],
  activeId: string | null,
  step: number,
): string | null {
  if (entries.length === 0) return null;
  const at = entries.findIndex((e) => e.id === activeId);
  const from = at === -1 ? (step > 0 ? -1 : 0) : at;
  const index = (((from + step) % entries.length) + entries.length) % entries.length;
  return entries[index]?.id ?? null;
}

/** The conversation numbered `number`, or null when there are fewer. */
export const conversationNumbered = (entries: readonly ConversationEntry[], number: number): string | null =>
  entries[number - 1]?.id ?? null;

/** The next conversation after the open one, in list order, that has unread lines; null when none has. */
export function nextUnread(entries: readonly ConversationEntry[], activeId: string | null): string | null {
  const at = entries.findIndex((e) => e.id === activeId);
  for (let i = 1; i <= entries.length; i += 1) {
    const entry = entries[(at + i) % entries.length];
    if (entry && entry.id !== activeId && entry.unread > 0) return entry.id;
  }
  return null;
}
