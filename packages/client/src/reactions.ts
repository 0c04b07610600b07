import type { Reaction, Reactor } from "@canaduck/contract";

/** The first (still) reacting user's seq: emoji are ordered by it, as the server aggregates them. */
const firstSeq = (reaction: Reaction): number => reaction.users[0]?.seq ?? 0;

const ordered = (reactions: Reaction[]): Reaction[] | undefined =>
  reactions.length === 0 ? undefined : [...reactions].sort((a, b) => firstSeq(a) - firstSeq(b));

function withUsers(emoji: string, users: Reactor[], meId: string | null): Reaction {
  const sorted = [...users].sort((a, b) => a.seq - b.seq);
  return { emoji, count: sorted.length, me: meId !== null && sorted.some((u) => u.id === meId), users: sorted };
}

/**
 * A line's reactions after `reactor` reacted with `emoji`: absent-when-empty, emoji ordered by
 * their first reactor's seq, reactors by seq, `me` computed for this client's user (live entries
 * carry no aggregate, so the client builds the one a history page would give it).
 */
export function addReactor(
  reactions: readonly Reaction[] | undefined,
  emoji: string,
  reactor: Reactor,
  meId: string | null,
): Reaction[] | undefined {
  const list = reactions ?? [];
  const existing = list.find((r) => r.emoji === emoji);
  if (existing?.users.some((u) => u.id === reactor.id)) return ordered([...list]);
  const users = [...(existing?.users ?? []), reactor];
  const others = list.filter((r) => r.emoji !== emoji);
  return ordered([...others, withUsers(emoji, users, meId)]);
}

/** A line's reactions after `userId` took back `emoji`: an emoji nobody uses any more goes. */
export function removeReactor(
  reactions: readonly Reaction[] | undefined,
  emoji: string,
  userId: string,
  meId: string | null,
): Reaction[] | undefined {
  const list = reactions ?? [];
  const next = list.flatMap((r) => {
    if (r.emoji !== emoji) return [r];
    const users = r.users.filter((u) => u.id !== userId);
    return users.length === 0 ? [] : [withUsers(emoji, users, meId)];
  });
  return ordered(next);
}
