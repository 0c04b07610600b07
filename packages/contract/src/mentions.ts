/** Characters a nick may hold: a mention is the nick with none of these right before or after it. */
const NICK_CHAR = "A-Za-z0-9_\\-\\[\\]\\\\^{}|";
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Where `text` names `nick` as a word (any case, with or without @): the spans a view highlights. */
export function mentionSpans(text: string, nick: string): { start: number; end: number }[] {
  if (nick === "") return [];
  return [...text.matchAll(patternFor(nick))].map((match) => {
    const start = match.index + (match[1]?.length ?? 0);
    return { start, end: start + (match[2]?.length ?? 0) };
  });
}

/**
 * Whether `text` names `nick` as a word (any case): "bob: hi" and "hi @Bob" do, "bobby" does not.
 * Counting a reconnect's unread mentions asks this of every unread line: most do not hold the
 * nick at all, which a plain search says first. Uppercased, it never misses what the pattern
 * finds: a nick is ASCII, and the pattern's case folding maps no other letter to ASCII.
 */
export const mentions = (text: string, nick: string): boolean =>
  nick !== "" && text.toUpperCase().includes(nick.toUpperCase()) && mentionSpans(text, nick).length > 0;

/** The nicks' patterns, built once each (a few at a time are in use: the viewer's, mostly). */
const patterns = new Map<string, RegExp>();
const PATTERNS_KEPT = 64;

function patternFor(nick: string): RegExp {
  let pattern = patterns.get(nick);
  if (pattern === undefined) {
    if (patterns.size >= PATTERNS_KEPT) patterns.clear();
    // matchAll copies the pattern, so one shared global pattern keeps no position between calls.
    pattern = new RegExp(`(^|[^${NICK_CHAR}])(@?${escape(nick)})(?=$|[^${NICK_CHAR}])`, "gi");
    patterns.set(nick, pattern);
  }
  return pattern;
}
