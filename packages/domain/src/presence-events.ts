import type { DomainDeps } from "./ports";
import type { MembershipRecord, UserRecord } from "./records";

/** A user and the channel ids their connections belong in, read in one snapshot. */
export interface PresenceSubject {
  user: UserRecord | null;
  channels: string[];
}

/** Several users' presence subjects in one snapshot (a node's reconnect storm reads thousands). */
export async function presenceSubjects(deps: DomainDeps, userIds: readonly string[]): Promise<PresenceSubject[]> {
  const ids = [...new Set(userIds)];
  const [users, memberships] = await deps.store.readSnapshot(async (tx) =>
    Promise.all([tx.users.findByIds(ids), tx.memberships.findByUsers(ids)]),
  );
  const userById = new Map(users.map((u) => [u.id, u]));
  const channelsOfUser = new Map<string, MembershipRecord[]>();
  for (const m of memberships) {
    const own = channelsOfUser.get(m.userId);
    if (own) own.push(m);
    else channelsOfUser.set(m.userId, [m]);
  }
  return userIds.map((id) => ({
    user: userById.get(id) ?? null,
    // In the order joined, as the user's channel list shows them.
    channels: (channelsOfUser.get(id) ?? [])
      .sort((a, b) => a.joinedAt.getTime() - b.joinedAt.getTime())
      .map((m) => m.channelId),
  }));
}

export async function presenceSubject(deps: DomainDeps, userId: string): Promise<PresenceSubject> {
  const [subject] = await presenceSubjects(deps, [userId]);
  return subject ?? { user: null, channels: [] };
}

/** The channel ids whose rooms a connection of this user belongs in. */
export async function channelsOf(deps: DomainDeps, userId: string): Promise<string[]> {
  return (await presenceSubject(deps, userId)).channels;
}
