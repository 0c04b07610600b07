const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Whether `text` names `nick` as a word (any case): "bob: hi" and "hi @Bob" do, "bobby" does not. */
export function mentions(text: string, nick: string): boolean {
  return new RegExp(`(^|[^A-Za-z0-9_\\-\\[\\]\\\\^{}|])@?${escape(nick)}($|[^A-Za-z0-9_\\-\\[\\]\\\\^{}|])`, "i").test(text);
}
