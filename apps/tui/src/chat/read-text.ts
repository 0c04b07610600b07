import { isLine, type Message } from "@canaduck/contract";
import { formatMessage } from "../lines/format-message";

/**
 * `/read`'s answer as the pane's own lines would read: joins as joins, kicks as kicks, said lines
 * with their nick, each with its local time (the shared core's summary shows every entry as said).
 */
export function readText(target: string, messages: readonly Message[], me: string | null): string {
  const lines = messages.filter(isLine).map((m) => {
    const line = formatMessage(m, target, me);
    return `  ${[...line.head, ...line.body].map((s) => s.text).join("")}`;
  });
  if (lines.length === 0) return `Nothing said in ${target} yet.`;
  return [`The latest ${lines.length} line${lines.length === 1 ? "" : "s"} of ${target}:`, ...lines].join("\n");
}
