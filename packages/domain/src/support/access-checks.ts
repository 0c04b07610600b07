import { meetsRole, type ChannelAccess } from "../access";
import type { ChannelScope } from "../command";
import { refuse } from "../domain-error";
import type { BanRecord, SessionRecord, UserRecord } from "../records";

/**
 * The checks every command's actor passes, as pure functions of what was read: one command's
 * dispatch and a batch of sends read differently but must refuse alike, with the same words.
 */

/** Refuses unless the session exists, is not revoked and has not expired. */
export function requireLiveSession(session: SessionRecord | null, now: Date): SessionRecord {
  if (session === null || session.revokedAt !== null) return refuse("NOT_AUTHENTICATED", "Your session has ended; log in again.");
  if (session.expiresAt.getTime() <= now.getTime()) return refuse("SESSION_EXPIRED", "Your session has expired; log in again.");
  return session;
}

export const requireAccount = (user: UserRecord | null): UserRecord =>
  user ?? refuse("NOT_AUTHENTICATED", "Your account no longer exists.");

export const refuseNoSuchChannel = (name: string): never => refuse("NO_SUCH_CHANNEL", `There is no channel ${name}.`);

export const refuseBanned = (channelName: string): never => refuse("BANNED", `You are banned from ${channelName}.`);

/** A ban with an expiry in the past no longer counts. */
export const isBanInForce = (ban: BanRecord, now: Date): boolean => ban.expiresAt === null || ban.expiresAt.getTime() > now.getTime();

export function checkChannelAccess({ channel, membership }: ChannelScope, user: UserRecord, access: ChannelAccess): void {
  if (access === "viewer") {
    if (membership === null && channel.inviteOnly) refuse("NOT_A_MEMBER", `${channel.name} is invite-only and you are not in it.`);
    return;
  }
  if (access === "member") {
    if (membership === null) refuse("NOT_A_MEMBER", `You are not in ${channel.name}.`);
    return;
  }
  if (membership === null && !user.isAdmin) refuse("NOT_A_MEMBER", `You are not in ${channel.name}.`);
  if (!meetsRole(membership?.role ?? null, user.isAdmin, access)) {
    refuse("FORBIDDEN", `Only ${access === "owner" ? "the owner" : "operators"} of ${channel.name} can do that.`);
  }
}
