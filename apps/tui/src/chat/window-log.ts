import { displayName, type ChatState } from "@canaduck/client";
import { isLine, type Message } from "@canaduck/contract";
import { appendFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { useEffect, useRef } from "react";
import { formatMessage } from "../lines/format-message";

/** A name safe as one path segment: "#dev" stays "#dev", "../x" cannot climb. */
const segment = (name: string) => name.replace(/[^\p{L}\p{N}#._-]/gu, "_").replace(/^\.+/, "_") || "_";

/** The folder of one server's window logs: <logs root>/<host:port>/. */
export const logDir = (root: string, url: string): string => path.join(root, segment(new URL(url).host));

/** One line of a window's log file: the date and time, then the line as the pane writes it. */
export function logLine(message: Message, target: string, me: string | null): string {
  const line = formatMessage(message, target, me);
  const at = new Date(message.createdAt);
  const two = (n: number) => String(n).padStart(2, "0");
  const stamp = `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())} ${two(at.getHours())}:${two(at.getMinutes())}`;
  // The head's first segment is the pane's clock; the file has its own stamp with the date.
  const text = [...line.head.slice(1), ...line.body].map((s) => s.text).join("");
  return `${stamp} ${text}`.replace(/[\r\n]+/g, " ");
}

/**
 * With `/set log on`, appends each window's new lines to its log file as they arrive (what was on
 * screen before it was turned on is not written again). Write failures are ignored: a full disk
 * must not stop the chat.
 */
export function useWindowLog(state: ChatState, url: string, root: string | null): void {
  const enabled = root !== null;
  const logged = useRef(new Map<string, number>());
  useEffect(() => {
    if (!enabled) {
      logged.current.clear();
      return;
    }
    const dir = logDir(root, url);
    for (const channel of Object.values(state.channels)) {
      const newest = channel.messages.at(-1)?.seq ?? 0;
      const from = logged.current.get(channel.view.id);
      logged.current.set(channel.view.id, Math.max(newest, from ?? 0));
      if (from === undefined) continue;
      const fresh = channel.messages.filter((m) => m.seq > from && isLine(m));
      if (fresh.length === 0) continue;
      const name = displayName(channel.view);
      const text = fresh.map((m) => `${logLine(m, name, state.me?.name ?? null)}\n`).join("");
      try {
        mkdirSync(dir, { recursive: true, mode: 0o700 });
        appendFileSync(path.join(dir, `${segment(name)}.log`), text, { mode: 0o600 });
      } catch {
        // See above: logging is best effort.
      }
    }
  }, [state.channels, state.me, url, enabled, root]);
}
