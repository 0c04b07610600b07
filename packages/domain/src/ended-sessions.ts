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

/** Ids per read: a node's every connection in one `IN (…)` would pass the databases' bound-value limits. */
const IDS_PER_READ = 1000;

async function inChunks<T>(ids: readonly string[], read: (ids: string[]) => Promise<T[]>): Promise<T[]> {
  const rows: T[] = [];
  for (let start = 0; start < ids.length; start += IDS_PER_READ)
    rows.push(...(await read(ids.slice(start, start + IDS_PER_READ))));
  return rows;
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
 * sessions without telling any server, so a server asks. A node sweeps every few seconds with
 * all its connections' sessions, so the common answer — nothing ended — costs one read of the
 * sessions; accounts are read only for the sessions that ended (suspending an account and
 * removing it both end its sessions), to give the reason. Outside a transaction; the rules are
 * the ones every command's actor passes.
 */
export async function endedSessions(deps: DomainDeps, held: readonly HeldSession[]): Promise<EndedSession[]> {
  if (held.length === 0) return [];
  const now = deps.clock.now();
  return deps.store.read(async (repos) => {
    const sessionById = new Map(
      (await inChunks([...new Set(held.map((h) => h.sessionId))], (ids) => repos.sessions.findByIds(ids))).map((s) => [
        s.id,
        s,
      ]),
    );
    const over = held.flatMap((h) => {
      const session = sessionById.get(h.sessionId);
      // A session that is not the one held (another user's) cannot act as the held user either.
      const refusal = refusalOf(() => requireLiveSession(session?.userId === h.userId ? session : null, now));
      return refusal === null ? [] : [{ held: h, refusal }];
    });
    if (over.length === 0) return [];
    const userById = new Map(
      (await repos.users.findByIds([...new Set(over.map((o) => o.held.userId))])).map((u) => [u.id, u]),
    );
    return over.map(({ held: h, refusal }): EndedSession => {
      // The account first: suspending revoked the session too, and "suspended" is the reason to give.
      const account = refusalOf(() => requireAccount(userById.get(h.userId) ?? null));
      if (account !== null)
        return { ...h, cause: account.code === "SUSPENDED" ? "suspended" : "deleted", code: account.code };
      return { ...h, cause: refusal.code === "SESSION_EXPIRED" ? "expired" : "revoked", code: refusal.code };
    });
  });
}
