import type { ClientEventResult } from "@canaduck/contract";
import type { Runtime } from "../command";
import type { UserRecord } from "../records";
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
  });
  ctx.out.push({ type: "bind-session", actor: { kind: "user", userId: user.id, sessionId } });
  return { token, expiresAt: expiresAt.toISOString(), user: toUserView(user) };
}
