import type { Runtime } from "../command";
import type { UserRecord } from "../records";

/**
 * Suspends `user`: marks the account and ends every live session of it, each of its
 * connections told why. Shared by the protocol's /suspend and the admin command line, so both
 * suspend alike. Returns how many sessions ended (none when it was already suspended).
 */
export async function suspendUser(ctx: Runtime, user: UserRecord, reason: string | null): Promise<number> {
  await ctx.tx.users.update(user.id, { suspendedAt: user.suspendedAt ?? ctx.now, suspendReason: reason });
  const live = (await ctx.tx.sessions.listByUser(user.id)).filter(
    (s) => s.revokedAt === null && s.expiresAt.getTime() > ctx.now.getTime(),
  );
  for (const session of live) {
    await ctx.tx.sessions.revoke(session.id, ctx.now);
    ctx.out.push({ type: "end-session", sessionId: session.id, reason: "revoked", code: "SUSPENDED" });
  }
  return live.length;
}

/** Lets a suspended account log in again; its old sessions stay ended. */
export async function unsuspendUser(ctx: Runtime, user: UserRecord): Promise<void> {
  await ctx.tx.users.update(user.id, { suspendedAt: null, suspendReason: null });
}

export const SUSPENDED_MESSAGE = "This account is suspended.";
