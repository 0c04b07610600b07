/** The terminal's own window commands, read before the shared grammar sees the line. */
export type WindowCommand =
  | { kind: "move"; to: number }
  | { kind: "show"; number: number }
  | { kind: "close" }
  /** irssi's `/q nick`: a query (the shared grammar's `/q` is /quit, which here needs its full name). */
  | { kind: "query"; nick: string }
  | { kind: "usage"; text: string };

const WINDOW_USAGE = "Usage: /window N (go to window N), /window move N, /window close";

/** The window command `line` is, or null when it is none (the shared grammar takes it). */
export function windowCommand(line: string): WindowCommand | null {
  const words = line.trim().split(/\s+/);
  const name = words[0]?.toLowerCase();
  const number = (word: string | undefined) => (word && /^\d{1,3}$/.test(word) ? Number(word) : null);
  if (name === "/close" || (name === "/window" && words[1]?.toLowerCase() === "close" && words.length === 2))
    return words.length === 1 || name === "/window" ? { kind: "close" } : { kind: "usage", text: "Usage: /close" };
  if (name === "/q") {
    const nick = words[1];
    return nick && words.length === 2
      ? { kind: "query", nick }
      : { kind: "usage", text: "Usage: /q nick opens a conversation with nick; /quit leaves." };
  }
  if (name !== "/window") return null;
  if (words[1]?.toLowerCase() === "move") {
    const to = number(words[2]);
    return to !== null && to > 0 && words.length === 3 ? { kind: "move", to } : { kind: "usage", text: WINDOW_USAGE };
  }
  const n = number(words[1]);
  return n !== null && n > 0 && words.length === 2
    ? { kind: "show", number: n }
    : { kind: "usage", text: WINDOW_USAGE };
}
