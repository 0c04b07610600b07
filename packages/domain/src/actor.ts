/** Who is issuing a command: nobody yet, or a logged-in user through one session. */
export type Actor = AnonymousActor | UserActor;

export interface AnonymousActor {
  kind: "anonymous";
}

export interface UserActor {
  kind: "user";
  userId: string;
  sessionId: string;
}

export const anonymous: AnonymousActor = { kind: "anonymous" };
