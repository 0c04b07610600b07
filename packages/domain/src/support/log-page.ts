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

/**
 * A page of a conversation's log as `viewerId` reads it: lines in their current state (their
 * reactions aggregated, a reply's target summarised now), change entries as stored. Two reads
 * at most beyond the page, whatever its size.
 */
export async function currentState(
  tx: Repositories,
  channelId: string,
  records: readonly MessageRecord[],
  viewerId: string,
): Promise<Message[]> {
  const reactable = records.filter((r) => isSaid(r) && r.deletedAt === null).map((r) => r.seq);
  const reactions = reactable.length === 0 ? [] : await tx.reactions.listFor(channelId, reactable);
  const bySeq = new Map(records.map((r) => [r.seq, r]));
  const wanted = unique([
    ...records.flatMap((r) => (isLine(r) && r.replyToSeq !== null ? [r.replyToSeq] : [])),
    ...reactions.map((r) => r.seq),
  ]).filter((seq) => !bySeq.has(seq));
  if (wanted.length > 0) for (const r of await tx.messages.findBySeqs(channelId, wanted)) bySeq.set(r.seq, r);
  const perLine = new Map<number, ReactionRecord[]>();
  for (const r of reactions) {
    const list = perLine.get(r.targetSeq);
    if (list) list.push(r);
    else perLine.set(r.targetSeq, [r]);
  }
  const nameOf = (r: ReactionRecord) => bySeq.get(r.seq)?.authorName ?? "";
  return records.map((record) => {
    if (!isLine(record)) return toMessage(record);
    const own = perLine.get(record.seq);
    return toMessage(record, {
      ...(own ? { reactions: aggregateReactions(own, nameOf, viewerId) } : {}),
      ...(record.replyToSeq === null ? {} : { replyTo: replySummary(record.replyToSeq, bySeq.get(record.replyToSeq)) }),
    });
  });
}
