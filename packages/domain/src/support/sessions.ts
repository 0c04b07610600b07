import type { ClientEventResult } from "@canaduck/contract";
import type { Runtime } from "../command";
import type { ErrorCode } from "@canaduck/contract";
import type { SessionRecord, UserRecord } from "../records";
import { hashToken, newSessionToken } from "./tokens";
import { toUserView } from "./views";

/** Opens a session for `user`, binds the calling connection to it and returns the grant. */
export async function openSession(ctx: Runtime, user: UserRecord): Promise<ClientEventResult<"auth:login">> {
  const token = newSessionToken();
  const expiresAt = new Date(ctx.now.getTime() + ctx.deps.config.sessionTtlMs);
  const sessionId = ctx.deps.ids.newId();
  await ctx.tx.sessions.insert({
    id: sessionId,
    userId: user.id,
    tokenHash: hashToken(token),
    createdAt: ctx.now,
    expiresAt,
    revokedAt: null,
    kind: "login",
    name: null,
    scopes: null,
  });
  ctx.out.push({ type: "bind-session", actor: { kind: "user", userId: user.id, sessionId } });
  return { token, expiresAt: expiresAt.toISOString(), user: toUserView(user) };
}

/** Whether a session still acts: not revoked and not past its expiry. */
export const isSessionLive = (session: SessionRecord, now: Date): boolean =>
  session.revokedAt === null && session.expiresAt.getTime() > now.getTime();

/**
 * Ends every live session of a user (a password reset, a suspension), each of its connections
 * told why, with `code` when the reason is more than "revoked". Returns how many ended.
 */
export async function endLiveSessions(ctx: Runtime, userId: string, code?: ErrorCode): Promise<number> {
  const live = (await ctx.tx.sessions.listByUser(userId)).filter((s) => isSessionLive(s, ctx.now));
  for (const session of live) {
    await ctx.tx.sessions.revoke(session.id, ctx.now);
    ctx.out.push({ type: "end-session", sessionId: session.id, reason: "revoked", ...(code ? { code } : {}) });
  }
  return live.length;
}
