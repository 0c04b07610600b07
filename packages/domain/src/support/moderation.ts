import type { Runtime } from "../command";
import { roleRank } from "../access";
import { refuse } from "../domain-error";
import type { ChannelRecord, MembershipRecord, UserRecord } from "../records";
import { publicChannelView } from "./views";
import { announceMember } from "./member-change";

/** Operators act on members, owners on operators too; nobody acts on the owner but an admin. */
export function requireOutranks(
  actor: UserRecord,
  actorMembership: MembershipRecord | null,
  target: MembershipRecord,
  verb: string,
): void {
  if (actor.isAdmin) return;
  if (target.userId === actor.id) refuse("FORBIDDEN", `You cannot ${verb} yourself.`);
  if (roleRank(actorMembership?.role ?? null) <= roleRank(target.role)) {
    refuse("FORBIDDEN", `You cannot ${verb} someone whose role is ${target.role}.`);
  }
}

/** Takes a user out of a channel: membership gone, their connections unsubscribed and told. */
export async function removeMember(
  ctx: Runtime,
  channel: ChannelRecord,
  target: UserRecord,
  reason: "kick" | "ban",
  /** What the target is told: who did it, the reason given and, for a ban, when it ends. */
  told: { by: string; message: string; expiresAt?: Date | null },
): Promise<void> {
  await ctx.tx.memberships.remove(channel.id, target.id);
  await announceMember(ctx, channel, target, null);
  ctx.out.push({ type: "unsubscribe", user: target.id, channel: channel.id });
  ctx.out.emit({ user: target.id }, "channel:left", {
    channelId: channel.id,
    name: channel.name,
    reason,
    by: told.by,
    ...(told.message ? { message: told.message } : {}),
    ...(told.expiresAt === undefined ? {} : { expiresAt: told.expiresAt?.toISOString() ?? null }),
  });
  ctx.out.emit({ channel: channel.id }, "channel:updated", { channel: await publicChannelView(ctx.tx, channel) });
}
