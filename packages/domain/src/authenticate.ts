import type { UserActor } from "./actor";
import { refuse } from "./domain-error";
import type { DomainDeps } from "./ports";
import { hashToken } from "./support/tokens";

/** Resolves a handshake's session token to the user it acts as, or refuses with a coded error. */
export async function authenticate(deps: DomainDeps, token: string): Promise<UserActor> {
  const session = await deps.store.transaction((tx) => tx.sessions.findByTokenHash(hashToken(token)));
  if (session === null || session.revokedAt !== null) return refuse("NOT_AUTHENTICATED", "This session token is not valid; log in again.");
  if (session.expiresAt.getTime() <= deps.clock.now().getTime()) return refuse("SESSION_EXPIRED", "Your session has expired; log in again.");
  return { kind: "user", userId: session.userId, sessionId: session.id };
}
