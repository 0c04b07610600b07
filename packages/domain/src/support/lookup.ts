import type { Runtime } from "../command";
import { refuse } from "../domain-error";
import { isBanInForce } from "./access-checks";
import type { ChannelRecord, MembershipRecord, UserRecord } from "../records";
import { nameKey } from "./names";

export async function requireUserByNick(ctx: Runtime, nick: string): Promise<UserRecord> {
  const user = await ctx.tx.users.findByNameKey(nameKey(nick));
  return user ?? refuse("NO_SUCH_USER", `There is no user called ${nick}.`);
}

export async function requireMembership(
  ctx: Runtime,
  channel: ChannelRecord,
  user: UserRecord,
): Promise<MembershipRecord> {
  const membership = await ctx.tx.memberships.find(channel.id, user.id);
  return membership ?? refuse("NOT_A_MEMBER", `${user.name} is not in ${channel.name}.`);
}

/** The ban in force, if any; an expired ban is removed on sight. */
export async function activeBan(ctx: Runtime, channelId: string, userId: string) {
  const ban = await ctx.tx.bans.find(channelId, userId);
  if (ban === null) return null;
  if (!isBanInForce(ban, ctx.now)) {
    await ctx.tx.bans.remove(channelId, userId);
    return null;
  }
  return ban;
}
