import {
  clientEvents,
  isClientEventName,
  type Ack,
  type ChatError,
  type ClientEventName,
  type ClientEventPayload,
  type ClientEventResult,
} from "@canaduck/contract";
import type { z } from "zod";
import type { Actor, UserActor } from "./actor";
import type { ChannelScope, CommandDefinition, Runtime } from "./command";
import { commands } from "./command-table";
import { DomainError, refuse } from "./domain-error";
import { EffectList, type Effect } from "./effects";
import { StoreUnavailableError, type DomainDeps } from "./ports";
import type { UserRecord } from "./records";
import { checkChannelAccess, refuseBanned, refuseNoSuchChannel, requireAccount, requireLiveSession } from "./support/access-checks";
import { activeBan } from "./support/lookup";
import { nameKey } from "./support/names";

export interface Outcome<T = unknown> {
  ack: Ack<T>;
  /** To carry out after the ack's data is committed; empty on failure. */
  effects: Effect[];
  /** The unexpected error behind an INTERNAL or UNAVAILABLE ack, for the adapter to log. */
  cause?: unknown;
}

/** Describes a zod failure in one line a user can act on. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ");
}

const failure = (error: ChatError, cause?: unknown): Outcome<never> => ({
  ack: { ok: false, error },
  effects: [],
  ...(cause === undefined ? {} : { cause }),
});

/**
 * Runs one client event: validates the payload against the contract, checks the actor's
 * access as the command table declares it, then runs the command in one transaction.
 */
export async function execute(deps: DomainDeps, actor: Actor, event: string, rawPayload: unknown): Promise<Outcome> {
  if (!isClientEventName(event)) {
    return failure({ code: "UNKNOWN_EVENT", message: `Unknown event "${event.slice(0, 64)}".` });
  }
  const parsed = clientEvents[event].payload.safeParse(rawPayload);
  if (!parsed.success) {
    return failure({ code: "INVALID_PAYLOAD", message: `Invalid ${event}: ${describeIssues(parsed.error)}` });
  }
  try {
    const out = new EffectList();
    const data = await runCommand(deps, actor, event, parsed.data, out);
    return { ack: { ok: true, data }, effects: out.items };
  } catch (error) {
    return failedWith(error);
  }
}

/** The answer to a command that threw: its refusal, UNAVAILABLE for the database, else INTERNAL (with the cause to log). */
export function failedWith(error: unknown): Outcome<never> {
  if (error instanceof DomainError) return failure(error.toChatError());
  if (error instanceof StoreUnavailableError) {
    return failure({ code: "UNAVAILABLE", message: "The database is unavailable; try again shortly." }, error);
  }
  return failure({ code: "INTERNAL", message: "Something went wrong on the server." }, error);
}

async function runCommand<E extends ClientEventName>(
  deps: DomainDeps,
  actor: Actor,
  event: E,
  payload: unknown,
  out: EffectList,
): Promise<ClientEventResult<E>> {
  const def: CommandDefinition<E> = commands[event];
  // execute() parsed the payload with this event's schema.
  const typedPayload = payload as ClientEventPayload<E>;
  const now = deps.clock.now();

  if (def.scope === "anonymous") {
    if (actor.kind === "user") refuse("ALREADY_AUTHENTICATED", "You are already logged in; log out first.");
    const prepared = def.prepare ? await def.prepare(typedPayload, deps) : undefined;
    return deps.store.transaction((tx) => {
      out.reset();
      return def.run({ payload: typedPayload, deps, tx, now, out, actor }, prepared);
    });
  }

  if (actor.kind !== "user") return refuse("NOT_AUTHENTICATED", "Log in first.");
  return deps.store.transaction(async (tx) => {
    out.reset();
    const runtime: Runtime = { deps, tx, now, out };
    const user = await loadActingUser(runtime, actor);
    const ctx = { ...runtime, payload: typedPayload, actor, user };
    if (def.scope === "user") {
      if (def.access === "admin" && !user.isAdmin) refuse("FORBIDDEN", "Only server admins can do that.");
      return def.run(ctx);
    }
    const channelName = def.channelOf(typedPayload);
    const scope = channelName === undefined ? null : await loadChannelScope(runtime, user, channelName);
    if (scope) {
      const access = typeof def.access === "function" ? def.access(typedPayload) : def.access;
      checkChannelAccess(scope, user, access);
    }
    return def.run(ctx, scope);
  });
}

/** The actor's account, provided their session is still live. */
async function loadActingUser(ctx: Runtime, actor: UserActor): Promise<UserRecord> {
  requireLiveSession(await ctx.tx.sessions.findById(actor.sessionId), ctx.now);
  return requireAccount(await ctx.tx.users.findById(actor.userId));
}

async function loadChannelScope(ctx: Runtime, user: UserRecord, name: string): Promise<ChannelScope> {
  const channel = await ctx.tx.channels.findByNameKey(nameKey(name));
  if (channel === null || channel.kind !== "channel") return refuseNoSuchChannel(name);
  // Admins moderate any channel, so an operator's ban must not lock them out of lifting it;
  // join still honours the ban.
  if (!user.isAdmin && (await activeBan(ctx, channel.id, user.id))) refuseBanned(channel.name);
  const membership = await ctx.tx.memberships.find(channel.id, user.id);
  return { channel, membership };
}
