import { overLimitBy, typedCommand } from "@canaduck/client";

/** Commands whose text is said, and how many words come before it (`/msg bob text`, `/reply 2 text`). */
const wordsBeforeText: Partial<Record<string, number>> = { me: 0, edit: 0, msg: 1, reply: 1 };

/** What a typed line would say: its text, or the text of /me, /msg, /edit or /reply; null for other commands. */
function saidText(line: string): string | null {
  if (!line.startsWith("/")) return line;
  if (line.startsWith("//")) return line.slice(1);
  const name = typedCommand(line);
  const skip = name === null ? undefined : wordsBeforeText[name];
  if (skip === undefined) return null;
  const words = new RegExp(`^/\\S+\\s+${"\\S+\\s+".repeat(skip)}`).exec(line);
  return words ? line.slice(words[0].length) : null;
}

/**
 * How many characters of what a line would say are over the message limit (0 when it fits). The
 * grammar refuses such a line; the prompt keeps it and says how much to cut instead of losing it.
 */
export function overLimitOf(line: string): number {
  const text = saidText(line);
  return text === null ? 0 : overLimitBy(text);
}

export const overLimitText = (over: number): string =>
  `Too long by ${over} character${over === 1 ? "" : "s"}: cut ${over} to send (the line is kept).`;
