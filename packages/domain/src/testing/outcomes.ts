import type { ErrorCode, ServerEventName, ServerEventPayload } from "@canaduck/contract";
import type { UserActor } from "../actor";
import type { Outcome } from "../dispatch";
import type { Audience, Effect, Emit } from "../effects";

/** The ack's data; fails the test with the error's code and message otherwise. */
export function expectOk<T>(outcome: Outcome<T>): T {
  if (!outcome.ack.ok) throw new Error(`expected ok, got ${outcome.ack.error.code}: ${outcome.ack.error.message}`);
  return outcome.ack.data;
}

/** "ok", or the code of the error the ack carries. */
export const codeOf = (outcome: Outcome): ErrorCode | "ok" => (outcome.ack.ok ? "ok" : outcome.ack.error.code);

/** The actor a register or login bound its connection to. */
export function boundActor(outcome: Outcome): UserActor {
  const bind = outcome.effects.find((e) => e.type === "bind-session");
  if (!bind) throw new Error(`no bind-session effect (${codeOf(outcome)})`);
  return bind.actor;
}

export interface Emitted<E extends ServerEventName> {
  to: Audience;
  payload: ServerEventPayload<E>;
}

/** Every `event` an outcome emits, in order. */
export function emitted<E extends ServerEventName>(outcome: Outcome, event: E): Emitted<E>[] {
  return (
    outcome.effects
      .filter((e): e is Emit => e.type === "emit" && e.event === event)
      // The filter kept only `event`; TypeScript cannot narrow the payload union by a generic name.
      .map(({ to, payload }) => ({ to, payload: payload as ServerEventPayload<E> }))
  );
}

/** A one-line name for each effect, to assert their order: "emit message:new", "unsubscribe". */
export const effectNames = (effects: readonly Effect[]): string[] =>
  effects.map((e) => (e.type === "emit" ? `emit ${e.event}` : e.type));
