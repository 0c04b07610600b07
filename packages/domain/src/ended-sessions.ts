import type { ErrorCode } from "@canaduck/contract";
import { DomainError } from "./domain-error";
import type { DomainDeps } from "./ports";
import { requireAccount, requireLiveSession } from "./support/access-checks";

/** A connection's session, as a server holds it: who it acts as, through which session. */
export interface HeldSession {
  sessionId: string;
  userId: string;
}

/** Why a held session can no longer act. */
export type SessionEndCause = "revoked" | "expired" | "suspended" | "deleted";

export interface EndedSession extends HeldSession {
  cause: SessionEndCause;
  /** The code a command of this session would now be refused with. */
  code: ErrorCode;
}

/** The refusal `check` throws, or null when it passes. */
function refusalOf(check: () => unknown): DomainError | null {
  try {
    check();
    return null;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
}

/**
 * Which of the sessions a server's connections hold have ended since they were bound, and why:
 * revoked, expired, or the account suspended or gone. The admin command line and the clock end
 * sessions without telling any server, so a server asks. Two reads for any number of sessions,
 * outside a transaction; the rules are the ones every command's actor passes.
 */
export async function endedSessions(deps: DomainDeps, held: readonly HeldSession[]): Promise<EndedSession[]> {
  if (held.length === 0) return [];
  const { sessions, users } = await deps.store.read(async (repos) => ({
    sessions: await repos.sessions.findByIds([...new Set(held.map((h) => h.sessionId))]),
    users: await repos.users.findByIds([...new Set(held.map((h) => h.userId))]),
  }));
  const sessionById = new Map(sessions.map((s) => [s.id, s]));
  const userById = new Map(users.map((u) => [u.id, u]));
  const now = deps.clock.now();
  const ended: EndedSession[] = [];
  for (const h of held) {
    // The account first: suspending revoked the session too, and "suspended" is the reason to give.
    const account = refusalOf(() => requireAccount(userById.get(h.userId) ?? null));
    if (account !== null) {
      ended.push({ ...h, cause: account.code === "SUSPENDED" ? "suspended" : "deleted", code: account.code });
      continue;
    }
    const session = refusalOf(() => requireLiveSession(sessionById.get(h.sessionId) ?? null, now));
    if (session !== null)
      ended.push({ ...h, cause: session.code === "SESSION_EXPIRED" ? "expired" : "revoked", code: session.code });
  }
  return ended;
}
