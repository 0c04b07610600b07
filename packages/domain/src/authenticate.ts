import type { UserActor } from "./actor";
import { DomainError } from "./domain-error";
import type { DomainDeps } from "./ports";
import { hashToken } from "./support/tokens";

/**
 * Resolves handshakes' session tokens to the users they act as, all in one read: when a node
 * restarts, thousands of clients reconnect at once. Each answer is the actor or the coded
 * refusal for that token; a database failure rejects the whole call.
 */
export async function authenticateMany(deps: DomainDeps, tokens: readonly string[]): Promise<Array<UserActor | DomainError>> {
  const hashes = tokens.map(hashToken);
  const sessions = await deps.store.transaction((tx) => tx.sessions.findByTokenHashes([...new Set(hashes)]));
  const byHash = new Map(sessions.map((s) => [s.tokenHash, s]));
  const now = deps.clock.now().getTime();
  return hashes.map((hash) => {
    const session = byHash.get(hash);
    if (session === undefined || session.revokedAt !== null) return new DomainError("NOT_AUTHENTICATED", "This session token is not valid; log in again.");
    if (session.expiresAt.getTime() <= now) return new DomainError("SESSION_EXPIRED", "Your session has expired; log in again.");
    return { kind: "user", userId: session.userId, sessionId: session.id };
  });
}

/** Resolves one handshake's session token to the user it acts as, or refuses with a coded error. */
export async function authenticate(deps: DomainDeps, token: string): Promise<UserActor> {
  // One token in, one answer out.
  const answer = (await authenticateMany(deps, [token]))[0] as UserActor | DomainError;
  if (answer instanceof DomainError) throw answer;
  return answer;
}
