import { tokenScopeSchema, type TokenInfo, type TokenScope } from "@canaduck/contract";
import type { UserActor } from "../actor";
import type { SessionRecord, UserRecord } from "../records";

/**
 * API tokens are sessions of kind "token" (schema.prisma, Session), so authenticating one is the
 * same single read as a login's, and revoking one ends its connections the same way.
 */
export const isApiToken = (session: SessionRecord): boolean => session.kind === "token";

/** A token's scopes as stored (space-separated); a scope the server no longer knows is dropped. */
export const scopesOf = (session: SessionRecord): TokenScope[] =>
  (session.scopes ?? "").split(" ").flatMap((word) => {
    const parsed = tokenScopeSchema.safeParse(word);
    return parsed.success ? [parsed.data] : [];
  });

/** Who a live session acts as: a token carries its scopes, a login all of them. */
export const actorOf = (session: SessionRecord): UserActor => ({
  kind: "user",
  userId: session.userId,
  sessionId: session.id,
  ...(isApiToken(session) ? { scopes: scopesOf(session) } : {}),
});

export const toTokenInfo = (session: SessionRecord, user: UserRecord): TokenInfo => ({
  id: session.id,
  name: session.name ?? "",
  scopes: scopesOf(session),
  user: { id: user.id, name: user.name },
  createdAt: session.createdAt.toISOString(),
  expiresAt: session.expiresAt.toISOString(),
});
