/** Characters a nick may hold: a mention is the nick with none of these right before or after it. */
const NICK_CHAR = "A-Za-z0-9_\\-\\[\\]\\\\^{}|";
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Where `text` names `nick` as a word (any case, with or without @): the spans a view highlights. */
export function mentionSpans(text: string, nick: string): { start: number; end: number }[] {
  if (nick === "") return [];
  const pattern = new RegExp(`(^|[^${NICK_CHAR}])(@?${escape(nick)})(?=$|[^${NICK_CHAR}])`, "gi");
  return [...text.matchAll(pattern)].map((match) => {
    const start = match.index + (match[1]?.length ?? 0);
    return { start, end: start + (match[2]?.length ?? 0) };
  });
}

/** Whether `text` names `nick` as a word (any case): "bob: hi" and "hi @Bob" do, "bobby" does not. */
export const mentions = (text: string, nick: string): boolean => mentionSpans(text, nick).length > 0;
