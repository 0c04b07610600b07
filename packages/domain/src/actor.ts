import type { TokenScope } from "@canaduck/contract";

/** Who is issuing a command: nobody yet, or a logged-in user through one session. */
export type Actor = AnonymousActor | UserActor;

export interface AnonymousActor {
  kind: "anonymous";
}

export interface UserActor {
  kind: "user";
  userId: string;
  sessionId: string;
  /**
   * Set when the session is an API token (token:create): the only scopes its commands may need.
   * Absent for a password login, which may do all the account may (see command-scopes.ts).
   */
  scopes?: readonly TokenScope[];
}

export const anonymous: AnonymousActor = { kind: "anonymous" };
