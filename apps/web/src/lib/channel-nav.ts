import { displayName, type ChatState } from "@canaduck/client";

/** The channel `step` places away from the open one in sidebar order, wrapping around. */
export function adjacentChannel(order: readonly string[], activeId: string | null, step: number): string | null {
  if (order.length === 0) return null;
  const at = activeId === null ? -1 : order.indexOf(activeId);
  const next = (((at === -1 ? (step > 0 ? -1 : 0) : at) + step) % order.length + order.length) % order.length;
  return order[next] ?? null;
}

/** The next channel after the open one that has unread lines, or null. */
export function nextUnread(state: ChatState): string | null {
  const { order, activeId } = state;
  const at = activeId === null ? -1 : order.indexOf(activeId);
  for (let i = 1; i <= order.length; i += 1) {
    const id = order[(at + i) % order.length];
    if (id !== undefined && id !== activeId && (state.channels[id]?.unread ?? 0) > 0) return id;
  }
  return null;
}

export interface SidebarEntry {
  id: string;
  name: string;
  kind: "channel" | "direct";
  unread: number;
  mentions: number;
}

/** Channels and direct conversations in sidebar order, each with what the sidebar shows. */
export function sidebarEntries(state: ChatState): SidebarEntry[] {
  return state.order.flatMap((id) => {
    const c = state.channels[id];
    return c ? [{ id, name: displayName(c.view), kind: c.view.kind, unread: c.unread, mentions: c.mentions }] : [];
  });
}

/** Entries whose name contains the query (ignoring case and a leading #), best matches first. */
export function filterEntries(entries: readonly SidebarEntry[], query: string): SidebarEntry[] {
  const q = query.trim().toLowerCase().replace(/^#/, "");
  if (q === "") return [...entries];
  const score = (name: string) => {
    const n = name.toLowerCase().replace(/^#/, "");
    if (n.startsWith(q)) return 0;
    return n.includes(q) ? 1 : -1;
  };
  return entries
    .map((entry) => ({ entry, rank: score(entry.name) }))
    .filter((x) => x.rank >= 0)
    .sort((a, b) => a.rank - b.rank)
    .map((x) => x.entry);
}
