import type { ErrorCode, ServerEventName, ServerEventPayload } from "@canaduck/contract";
import type { UserActor } from "./actor";

/** Who receives an emitted event. Channels and users map to Socket.IO rooms in the adapter. */
export type Audience =
  | { channel: string }
  | { user: string }
  /** Each connection in any of these channels or of these users receives it once. */
  | { channels: string[]; users: string[] }
  | { everyone: true };

export type Emit = {
  [E in ServerEventName]: { type: "emit"; to: Audience; event: E; payload: ServerEventPayload<E> };
}[ServerEventName];

/**
 * What a command asks the transport to do once its transaction has committed, in order:
 * emit events, move a user's connections in or out of a channel, bind or end sessions.
 */
export type Effect =
  | Emit
  | { type: "subscribe"; user: string; channel: string }
  | { type: "unsubscribe"; user: string; channel: string }
  /** The connection that issued the command now acts as this user. */
  | { type: "bind-session"; actor: UserActor }
  /** Close every connection of this session (logout, revocation; `code` says why, e.g. SUSPENDED). */
  | { type: "end-session"; sessionId: string; reason: "logout" | "quit" | "revoked"; code?: ErrorCode }
  /** Close the connection that issued the command (quit). */
  | { type: "close-connection"; reason: "quit" }
  /** The line sharing this file was deleted: remove its bytes (and thumbnail) from the file store. */
  | { type: "discard-file"; fileId: string }
  /** The channel's outgoing webhooks were added or removed: whoever delivers them reads them again. */
  | { type: "webhooks-changed"; channel: string };

/** Collects a command's effects in the order it produced them. */
export class EffectList {
  readonly items: Effect[] = [];

  emit<E extends ServerEventName>(to: Audience, event: E, payload: ServerEventPayload<E>): void {
    this.items.push({ type: "emit", to, event, payload } as Emit);
  }

  push(effect: Effect): void {
    this.items.push(effect);
  }

  /**
   * Forgets everything collected so far. A store may run a transaction's work again after a
   * conflict with a concurrent one (PostgreSQL); only the attempt that commits may be heard of.
   */
  reset(): void {
    this.items.length = 0;
  }
}
