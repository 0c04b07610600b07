import { isLine, isSaid, replyExcerpt, type Message, type Reaction, type ReplySummary } from "@canaduck/contract";
import type { Repositories } from "../ports";
import type { MessageRecord, ReactionRecord } from "../records";
import { toMessage } from "./views";

const unique = <T>(items: readonly T[]): T[] => [...new Set(items)];

/** A reply's summary of the line it answers, as that line is now. */
export function replySummary(seq: number, target: MessageRecord | undefined): ReplySummary {
  if (target === undefined) return { seq, author: null, excerpt: "", deleted: true, version: seq };
  const deleted = target.deletedAt !== null;
  return {
    seq,
    author: target.authorId === null ? null : { id: target.authorId, name: target.authorName ?? "" },
    excerpt: deleted ? "" : replyExcerpt(target.text),
    deleted,
    version: target.version,
  };
}

/**
 * One line's reactions: emoji ordered by the first seq among their reactors, reactors by seq,
 * each named as their react entry named them (what a live client was told).
 */
export function aggregateReactions(
  reactions: readonly ReactionRecord[],
  nameOf: (reaction: ReactionRecord) => string,
  viewerId: string,
): Reaction[] {
  const byEmoji = new Map<string, ReactionRecord[]>();
  for (const r of [...reactions].sort((a, b) => a.seq - b.seq)) {
    const list = byEmoji.get(r.emoji);
    if (list) list.push(r);
    else byEmoji.set(r.emoji, [r]);
  }
  // Insertion order is the order of each emoji's smallest seq, since reactions were sorted.
  return [...byEmoji].map(([emoji, list]) => ({
    emoji,
    count: list.length,
    me: list.some((r) => r.userId === viewerId),
    users: list.map((r) => ({ id: r.userId, name: nameOf(r), seq: r.seq })),
  }));
}

const lineKey = (channelId: string, seq: number) => `${channelId} ${seq}`;

/**
 * Entries of a conversation's log (or of several: a page of search results) as `viewerId` reads
 * them: lines in their current state (their reactions aggregated, a reply's target summarised
 * now), change entries as stored. Two reads at most beyond the entries, whatever their number
 * and however many conversations they span: each asks for every conversation's seqs at once and
 * keeps the pairs wanted.
 */
export async function currentState(
  tx: Repositories,
  records: readonly MessageRecord[],
  viewerId: string,
): Promise<Message[]> {
  const reactable = records.filter((r) => isSaid(r) && r.deletedAt === null);
  const reactableKeys = new Set(reactable.map((r) => lineKey(r.channelId, r.seq)));
  const reactions =
    reactable.length === 0
      ? []
      : (
          await tx.reactions.listFor(unique(reactable.map((r) => r.channelId)), unique(reactable.map((r) => r.seq)))
        ).filter((r) => reactableKeys.has(lineKey(r.channelId, r.targetSeq)));
  const byKey = new Map(records.map((r) => [lineKey(r.channelId, r.seq), r]));
  const wanted = [
    ...records.flatMap((r) =>
      isLine(r) && r.replyToSeq !== null ? [{ channelId: r.channelId, seq: r.replyToSeq }] : [],
    ),
    ...reactions.map((r) => ({ channelId: r.channelId, seq: r.seq })),
  ].filter((w) => !byKey.has(lineKey(w.channelId, w.seq)));
  if (wanted.length > 0) {
    const found = await tx.messages.findBySeqs(
      unique(wanted.map((w) => w.channelId)),
      unique(wanted.map((w) => w.seq)),
    );
    for (const r of found) byKey.set(lineKey(r.channelId, r.seq), r);
  }
  const perLine = new Map<string, ReactionRecord[]>();
  for (const r of reactions) {
    const key = lineKey(r.channelId, r.targetSeq);
    const list = perLine.get(key);
    if (list) list.push(r);
    else perLine.set(key, [r]);
  }
  const nameOf = (r: ReactionRecord) => byKey.get(lineKey(r.channelId, r.seq))?.authorName ?? "";
  return records.map((record) => {
    if (!isLine(record)) return toMessage(record);
    const own = perLine.get(lineKey(record.channelId, record.seq));
    const { replyToSeq } = record;
    return toMessage(record, {
      ...(own ? { reactions: aggregateReactions(own, nameOf, viewerId) } : {}),
      ...(replyToSeq === null
        ? {}
        : { replyTo: replySummary(replyToSeq, byKey.get(lineKey(record.channelId, replyToSeq))) }),
    });
  });
}
