import { displayName, type ChatState } from "@canaduck/client";

/** A numbered entry of the channel list: channels first, then direct conversations, as Alt+number counts them. */
export interface WindowEntry {
  id: string;
  number: number;
  name: string;
  direct: boolean;
  unread: number;
  mentions: number;
}

export function windowList(state: ChatState): WindowEntry[] {
  const channels = state.order.flatMap((id) => {
    const c = state.channels[id];
    return c ? [c] : [];
  });
  const ordered = [...channels.filter((c) => c.view.kind === "channel"), ...channels.filter((c) => c.view.kind === "direct")];
  return ordered.map((c, i) => ({ id: c.view.id, number: i + 1, name: displayName(c.view), direct: c.view.kind === "direct", unread: c.unread, mentions: c.mentions }));
}

/** The window a switch key leads to: by number, or the next / previous one, wrapping around. */
export function switchTarget(windows: readonly WindowEntry[], activeId: string | null, to: "next" | "previous" | number): string | null {
  if (typeof to === "number") return windows[to - 1]?.id ?? null;
  if (windows.length === 0) return null;
  const at = windows.findIndex((w) => w.id === activeId);
  const step = to === "next" ? 1 : -1;
  const index = at === -1 ? 0 : (at + step + windows.length) % windows.length;
  return windows[index]?.id ?? null;
}
