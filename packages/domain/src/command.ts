import type { ClientEventName, ClientEventPayload, ClientEventResult } from "@canaduck/contract";
import type { Access, ChannelAccess } from "./access";
import type { Actor, UserActor } from "./actor";
import type { EffectList } from "./effects";
import type { DomainDeps, Repositories } from "./ports";
import type { ChannelRecord, MembershipRecord, UserRecord } from "./records";
import type { AuditLine, AuditPolicy } from "./support/audit";

/**
 * A budget the server meters a command against. The domain only names it; the server's abuse
 * guard maps each to its limiters and keys ("send": per user, then per address). "read" is
 * also metered by the bytes its answers carry; "command" is every other action a user takes.
 */
export type RateBudget = "send" | "join" | "mark" | "search" | "login" | "register" | "read" | "typing" | "command";

/** What a command costs against the rate limits: nothing, or one action of each budget named. */
export type RatePolicy =
  | "unlimited"
  | {
      /** Spent in this order; a refusal by one gives back those spent before it. */
      spends: readonly RateBudget[];
      /** "failures": a success gives its spend back, so only failed attempts count (logins). */
      counts: "calls" | "failures";
    };

/**
 * "required": the command runs in one transaction with the acting session and user read in it.
 * "snapshot": it writes nothing, but its reads must agree with each other (a page and its
 * reactions, a sync's entries and the lastSeq they end at): one read-only snapshot
 * (Store.readSnapshot), which never queues behind writers where the database allows it.
 * "none": it writes nothing, so it reads outside any transaction (Store.read) and never
 * queues behind writers; the same session and access checks still run first.
 */
export type TransactionPolicy = "required" | "snapshot" | "none";

/** The policies every command declares beside its handler; none has a default, so none is forgotten. */
export interface CommandPolicies {
  rate: RatePolicy;
  transaction: TransactionPolicy;
  audit: AuditPolicy;
}

/** What every command and its helpers work with: the ports, the open transaction, the time. */
export interface Runtime {
  deps: DomainDeps;
  tx: Repositories;
  now: Date;
  out: EffectList;
}

export interface BaseContext<E extends ClientEventName> extends Runtime {
  payload: ClientEventPayload<E>;
  /** Writes this command's audit entry, with the action its table entry declares. */
  audit(line: AuditLine): Promise<void>;
}

export interface AnonymousContext<E extends ClientEventName> extends BaseContext<E> {
  actor: Actor;
}

export interface UserContext<E extends ClientEventName> extends BaseContext<E> {
  actor: UserActor;
  /** The actor's account, read in this transaction. */
  user: UserRecord;
}

/** The channel a channel command is about, loaded and access-checked by the dispatcher. */
export interface ChannelScope {
  channel: ChannelRecord;
  /** The actor's membership, or null for a non-member viewer or an admin moderating. */
  membership: MembershipRecord | null;
}

type Result<E extends ClientEventName> = Promise<ClientEventResult<E>>;

/** Work done before the transaction, such as password hashing, so it never holds the database. */
type Prepare<E extends ClientEventName, P> = (payload: ClientEventPayload<E>, deps: DomainDeps) => Promise<P>;

export interface AnonymousCommand<E extends ClientEventName, P = undefined> extends CommandPolicies {
  access: "anonymous";
  prepare?: Prepare<E, P>;
  run(ctx: AnonymousContext<E>, prepared: P): Result<E>;
}

export interface UserCommand<E extends ClientEventName, P = undefined> extends CommandPolicies {
  access: Exclude<Access, "anonymous">;
  /** Work before the transaction (resolving a webhook's host name), so it never holds the database. */
  prepare?: Prepare<E, P>;
  run(ctx: UserContext<E>, prepared: P): Result<E>;
}

/** A command about a channel named in its payload. */
export interface ChannelCommand<E extends ClientEventName> extends CommandPolicies {
  /** May depend on the payload: reading a topic needs less than setting it. */
  access: ChannelAccess | ((payload: ClientEventPayload<E>) => ChannelAccess);
  channelOf: (payload: ClientEventPayload<E>) => string;
  run(ctx: UserContext<E>, scope: ChannelScope): Result<E>;
}

/** A command aimed at a channel or at a nick (a direct conversation); access applies to channels. */
export interface TargetCommand<E extends ClientEventName> extends CommandPolicies {
  access: ChannelAccess | ((payload: ClientEventPayload<E>) => ChannelAccess);
  /** The channel the command is about; undefined when it targets a nick. */
  channelOf: (payload: ClientEventPayload<E>) => string | undefined;
  run(ctx: UserContext<E>, scope: ChannelScope | null): Result<E>;
}

export type CommandDefinition<E extends ClientEventName> =
  | ({ scope: "anonymous" } & AnonymousCommand<E, unknown>)
  | ({ scope: "user" } & UserCommand<E, unknown>)
  | ({ scope: "channel" } & TargetCommand<E>);

export const anonymousCommand = <E extends ClientEventName, P = undefined>(
  def: AnonymousCommand<E, P>,
): CommandDefinition<E> => ({ scope: "anonymous", ...(def as AnonymousCommand<E, unknown>) });

export const userCommand = <E extends ClientEventName, P = undefined>(
  def: UserCommand<E, P>,
): CommandDefinition<E> => ({
  scope: "user",
  ...(def as UserCommand<E, unknown>),
});

export const targetCommand = <E extends ClientEventName>(def: TargetCommand<E>): CommandDefinition<E> => ({
  scope: "channel",
  ...def,
});

export const channelCommand = <E extends ClientEventName>(def: ChannelCommand<E>): CommandDefinition<E> => ({
  scope: "channel",
  // Every declared field passes through, so a policy added to the table later is not dropped here.
  ...def,
  run: (ctx, scope) =>
    scope ? def.run(ctx, scope) : Promise.reject(new Error("a channel command always has its channel")),
});
