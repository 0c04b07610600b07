import {
  authenticateMany,
  DomainError,
  presenceSubjects,
  type DomainDeps,
  type PresenceSubject,
  type UserActor,
} from "@canaduck/domain";
import { Coalescer } from "./coalescer";

/** Most connections one read serves. */
const MAX_BATCH = 256;

/**
 * The two reads every connection makes — its token, then its user and channels — grouped
 * across connections: a restarted node has thousands of clients reconnecting at once, and one
 * read per client made them wait their turn for tens of seconds.
 */
export interface ConnectReads {
  /** The token's user, or throws the coded refusal (or StoreUnavailableError). */
  authenticate(token: string): Promise<UserActor>;
  presenceSubject(userId: string): Promise<PresenceSubject>;
}

export function connectReads(domain: DomainDeps): ConnectReads {
  const tokens = new Coalescer((batch: string[]) => authenticateMany(domain, batch), MAX_BATCH);
  const subjects = new Coalescer((batch: string[]) => presenceSubjects(domain, batch), MAX_BATCH);
  return {
    async authenticate(token) {
      const answer = await tokens.submit(token);
      if (answer instanceof DomainError) throw answer;
      return answer;
    },
    presenceSubject: (userId) => subjects.submit(userId),
  };
}
