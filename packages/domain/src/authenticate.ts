import type { UserActor } from "./actor";
import { DomainError } from "./domain-error";
import type { DomainDeps } from "./ports";
import { SUSPENDED_MESSAGE } from "./support/suspension";
import { actorOf } from "./support/api-tokens";
import { hashToken } from "./support/tokens";

/**
 * Resolves handshakes' session tokens to the users they act as, all in one read: when a node
 * restarts, thousands of clients reconnect at once. Each answer is the actor or the coded
 * refusal for that token; a database failure rejects the whole call.
 */
export async function authenticateMany(
  deps: DomainDeps,
  tokens: readonly string[],
): Promise<Array<UserActor | DomainError>> {
  const hashes = tokens.map(hashToken);
  const now = deps.clock.now().getTime();
  const { sessions, users } = await deps.store.readSnapshot(async (tx) => {
    const found = await tx.sessions.findByTokenHashes([...new Set(hashes)]);
    // Suspending an account ends its sessions, so only a session that ended can be a suspended
    // account's: the accounts are read for those alone, and a reconnect storm of valid tokens
    // reads no users here (binding the connection reads them next).
    const ended = found.filter((s) => s.revokedAt !== null || s.expiresAt.getTime() <= now);
    return {
      sessions: found,
      users: ended.length === 0 ? [] : await tx.users.findByIds([...new Set(ended.map((s) => s.userId))]),
    };
  });
  const byHash = new Map(sessions.map((s) => [s.tokenHash, s]));
  const suspended = new Set(users.filter((u) => u.suspendedAt !== null).map((u) => u.id));
  return hashes.map((hash) => {
    const session = byHash.get(hash);
    if (session === undefined)
      return new DomainError("NOT_AUTHENTICATED", "This session token is not valid; log in again.");
    // Suspending revoked the session too; saying why beats "log in again", which would fail.
    if (suspended.has(session.userId)) return new DomainError("SUSPENDED", SUSPENDED_MESSAGE);
    if (session.revokedAt !== null)
      return new DomainError("NOT_AUTHENTICATED", "This session token is not valid; log in again.");
    if (session.expiresAt.getTime() <= now)
      return new DomainError("SESSION_EXPIRED", "Your session has expired; log in again.");
    return actorOf(session);
  });
}

/** Resolves one handshake's session token to the user it acts as, or refuses with a coded error. */
export async function authenticate(deps: DomainDeps, token: string): Promise<UserActor> {
  // One token in, one answer out.
  const answer = (await authenticateMany(deps, [token]))[0] as UserActor | DomainError;
  if (answer instanceof DomainError) throw answer;
  return answer;
}
