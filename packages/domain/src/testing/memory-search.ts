import { foldedWord, searchWords } from "@canaduck/contract";
import { DomainError } from "../domain-error";
import type { SearchFind } from "../ports";
import type { MessageRecord } from "../records";

const LINK = /https?:\/\//i;

/** Whether `phrase` occurs as consecutive words of `words`. */
const holdsPhrase = (words: readonly string[], phrase: readonly string[]) =>
  words.some((_, start) => phrase.every((p, i) => words[start + i] === p));

/**
 * What the databases' search indexes answer, over plain records: the same words (as the
 * contract cuts them), newest first by insertion, the cursor being how many were passed.
 */
export function searchMemory(
  all: readonly MessageRecord[],
  find: SearchFind,
): { records: MessageRecord[]; next: string | null } {
  const skip = find.before === undefined ? 0 : Number(find.before);
  if (!Number.isInteger(skip) || skip < 0)
    throw new DomainError("INVALID_PAYLOAD", "before: not a cursor of this search");
  const channels = new Set(find.channelIds);
  const matches = [...all].reverse().filter((m) => {
    if (!channels.has(m.channelId) || (m.kind !== "text" && m.kind !== "action") || m.deletedAt !== null) return false;
    if (find.authorId !== undefined && m.authorId !== find.authorId) return false;
    if (find.since && m.createdAt < find.since) return false;
    if (find.until && m.createdAt >= find.until) return false;
    if (find.hasLink && !LINK.test(m.text)) return false;
    // Folded as the databases fold both the index and the query (accents off).
    const words = searchWords(m.text).map(foldedWord);
    const hasWord = (t: { text: string; prefix: boolean }) => {
      const text = foldedWord(t.text);
      return words.some((w) => (t.prefix ? w.startsWith(text) : w === text));
    };
    return find.words.every(hasWord) && find.phrases.every((p) => holdsPhrase(words, p.map(foldedWord)));
  });
  const records = matches.slice(skip, skip + find.limit).map((m) => structuredClone(m));
  return { records, next: skip + find.limit < matches.length ? String(skip + find.limit) : null };
}
