import type { UserActor } from "./actor";
import { EffectList, type Effect } from "./effects";
import type { DomainDeps } from "./ports";

/**
 * What to do when a user's first connection opens or last one closes: subscribe the
 * connection to the user's channels and tell those channels the user's online state.
 */
export async function presenceChanged(deps: DomainDeps, actor: UserActor, online: boolean): Promise<Effect[]> {
  const out = new EffectList();
  const { user, channels } = await deps.store.transaction(async (tx) => ({
    user: await tx.users.findById(actor.userId),
    channels: (await tx.memberships.listChannelsOf(actor.userId)).map(({ channel }) => channel.id),
  }));
  if (user && channels.length > 0) {
    out.emit({ channels, users: [] }, "presence:changed", { user: { id: user.id, name: user.name }, online });
  }
  return out.items;
}

/** The channel ids whose rooms a connection of this user belongs in. */
export async function channelsOf(deps: DomainDeps, userId: string): Promise<string[]> {
  const joined = await deps.store.transaction((tx) => tx.memberships.listChannelsOf(userId));
  return joined.map(({ channel }) => channel.id);
}
