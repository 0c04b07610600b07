import type { UserActor } from "./actor";
import { EffectList, type Effect } from "./effects";
import type { DomainDeps } from "./ports";
import type { UserRecord } from "./records";

/** A user and the channel ids their connections belong in, read in one transaction. */
export interface PresenceSubject {
  user: UserRecord | null;
  channels: string[];
}

export async function presenceSubject(deps: DomainDeps, userId: string): Promise<PresenceSubject> {
  return deps.store.transaction(async (tx) => ({
    user: await tx.users.findById(userId),
    channels: (await tx.memberships.listChannelsOf(userId)).map(({ channel }) => channel.id),
  }));
}

/** Tells the subject's channels that the user came online or went offline. */
export function presenceEffects({ user, channels }: PresenceSubject, online: boolean): Effect[] {
  const out = new EffectList();
  if (user && channels.length > 0) {
    out.emit({ channels, users: [] }, "presence:changed", { user: { id: user.id, name: user.name }, online });
  }
  return out.items;
}

/**
 * What to do when a user's first connection opens or last one closes: tell the user's
 * channels the user's online state.
 */
export async function presenceChanged(deps: DomainDeps, actor: UserActor, online: boolean): Promise<Effect[]> {
  return presenceEffects(await presenceSubject(deps, actor.userId), online);
}

/** The channel ids whose rooms a connection of this user belongs in. */
export async function channelsOf(deps: DomainDeps, userId: string): Promise<string[]> {
  return (await presenceSubject(deps, userId)).channels;
}
