import type { ConversationEntry } from "@canaduck/client";

/** Entries whose name contains the query (ignoring case and a leading #), best matches first: the quick switcher. */
export function filterEntries(entries: readonly ConversationEntry[], query: string): ConversationEntry[] {
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
