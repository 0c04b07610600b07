import type { Runtime } from "../command";
import type { UserRecord } from "../records";
import { endLiveSessions } from "./sessions";

/**
 * Suspends `user`: marks the account and ends every live session of it, each of its
 * connections told why. Shared by the protocol's /suspend and the admin command line, so both
 * suspend alike. Returns how many sessions ended (none when it was already suspended).
 */
export async function suspendUser(ctx: Runtime, user: UserRecord, reason: string | null): Promise<number> {
  await ctx.tx.users.update(user.id, { suspendedAt: user.suspendedAt ?? ctx.now, suspendReason: reason });
  return endLiveSessions(ctx, user.id, "SUSPENDED");
}

/** Lets a suspended account log in again; its old sessions stay ended. */
export async function unsuspendUser(ctx: Runtime, user: UserRecord): Promise<void> {
  await ctx.tx.users.update(user.id, { suspendedAt: null, suspendReason: null });
}

export const SUSPENDED_MESSAGE = "This account is suspended.";
