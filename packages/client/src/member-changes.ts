import type { MemberView } from "@canaduck/contract";

/** One member's change in a channel, as channel:member says it: their view, or null once gone. */
export interface MemberChange {
  seq: number;
  userId: string;
  member: MemberView | null;
}

/** The changes a channel remembers, for a member list read while they were on their way. */
export const MEMBER_CHANGES_KEPT = 100;

/** The list with one change applied; applying it twice changes nothing more. */
export function applyMemberChange(members: readonly MemberView[], change: MemberChange): MemberView[] {
  const at = members.findIndex((m) => m.id === change.userId);
  if (change.member === null) return at === -1 ? [...members] : members.filter((_, i) => i !== at);
  if (at === -1) return [...members, change.member];
  return members.map((m, i) => (i === at ? (change.member as MemberView) : m));
}

/** A list read as of `asOf`, with the remembered changes after it applied in order. */
export function membersAfter(
  members: readonly MemberView[],
  asOf: number,
  changes: readonly MemberChange[],
): MemberView[] {
  return changes
    .filter((c) => c.seq > asOf)
    .sort((a, b) => a.seq - b.seq)
    .reduce<MemberView[]>(applyMemberChange, [...members]);
}
