import { meetsRole, type ChannelAccess } from "../access";
import type { ChannelScope } from "../command";
import { refuse } from "../domain-error";
import { SUSPENDED_MESSAGE } from "./suspension";
import type { BanRecord, ChannelRecord, MembershipRecord, SessionRecord, UserRecord } from "../records";

/**
 * The checks every command's actor passes, as pure functions of what was read: one command's
 * dispatch and a batch of sends read differently but must refuse alike, with the same words.
 */

/** Refuses unless the session exists, is not revoked and has not expired. */
export function requireLiveSession(session: SessionRecord | null, now: Date): SessionRecord {
  if (session === null || session.revokedAt !== null)
    return refuse("NOT_AUTHENTICATED", "Your session has ended; log in again.");
  if (session.expiresAt.getTime() <= now.getTime())
    return refuse("SESSION_EXPIRED", "Your session has expired; log in again.");
  return session;
}

/** The account behind a live session; a suspended one is refused even if a session survived. */
export function requireAccount(user: UserRecord | null): UserRecord {
  if (user === null) return refuse("NOT_AUTHENTICATED", "Your account no longer exists.");
  if (user.suspendedAt !== null) return refuse("SUSPENDED", SUSPENDED_MESSAGE);
  return user;
}

export const refuseNoSuchChannel = (name: string): never => refuse("NO_SUCH_CHANNEL", `There is no channel ${name}.`);

export const refuseBanned = (channelName: string): never => refuse("BANNED", `You are banned from ${channelName}.`);

/** A ban with an expiry in the past no longer counts. */
export const isBanInForce = (ban: BanRecord, now: Date): boolean =>
  ban.expiresAt === null || ban.expiresAt.getTime() > now.getTime();

export function checkChannelAccess(
  { channel, membership }: ChannelScope,
  user: UserRecord,
  access: ChannelAccess,
): void {
  if (access === "viewer") {
    if (membership === null && channel.inviteOnly)
      refuse("NOT_A_MEMBER", `${channel.name} is invite-only and you are not in it.`);
    return;
  }
  if (access === "member") {
    if (membership === null) refuse("NOT_A_MEMBER", `You are not in ${channel.name}.`);
    return;
  }
  if (membership === null && !user.isAdmin) refuse("NOT_A_MEMBER", `You are not in ${channel.name}.`);
  if (access === "memberOrAdmin") return;
  if (!meetsRole(membership?.role ?? null, user.isAdmin, access)) {
    refuse("FORBIDDEN", `Only ${access === "owner" ? "the owner" : "operators"} of ${channel.name} can do that.`);
  }
}

/**
 * An admin acting on an invite-only channel they are not in: what they may do there is audited
 * whatever it changed, since its answer shows what only members see.
 */
export const actsFromOutside = ({ channel, membership }: ChannelScope): boolean =>
  membership === null && channel.inviteOnly;

/** What a command read of its actor: the session it acts through and the account behind it. */
export interface ActorReading {
  session: SessionRecord | null;
  user: UserRecord | null;
}

/** …and of the channel its payload names. */
export interface ChannelReading extends ActorReading {
  /** The name as the payload gave it, for the refusal. */
  name: string;
  channel: ChannelRecord | null;
  /** Whether a ban on the actor in that channel is in force. */
  banned: boolean;
  membership: MembershipRecord | null;
}

/** The actor's account, provided their session is live: the first check of every user command. */
export function admitActor(read: ActorReading, now: Date): UserRecord {
  requireLiveSession(read.session, now);
  return requireAccount(read.user);
}

/**
 * Admits the actor to a command about a channel, at `access`: a live session, an account, a
 * real channel, no ban in force (admins excepted), the access asked for. Both the dispatcher
 * and a batch of sends admit through here, so they refuse alike, in the same order.
 */
export function admitToChannel(
  read: ChannelReading,
  now: Date,
  access: ChannelAccess,
): { user: UserRecord; scope: ChannelScope } {
  const user = admitActor(read, now);
  const { channel } = read;
  if (channel === null || channel.kind !== "channel") return refuseNoSuchChannel(read.name);
  // Admins moderate any channel, so an operator's ban must not lock them out of lifting it;
  // join still honours the ban.
  if (!user.isAdmin && read.banned) refuseBanned(channel.name);
  const scope: ChannelScope = { channel, membership: read.membership };
  checkChannelAccess(scope, user, access);
  return { user, scope };
}
