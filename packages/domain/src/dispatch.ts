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
import type { CommandDefinition, Runtime } from "./command";
import { checkScope } from "./command-scopes";
import { commands } from "./command-table";
import { DomainError, refuse } from "./domain-error";
import { EffectList, type Effect } from "./effects";
import { StoreUnavailableError, type DomainDeps, type Repositories } from "./ports";
import {
  actsFromOutside,
  admitActor,
  admitToChannel,
  isBanInForce,
  type ActorReading,
  type ChannelReading,
} from "./support/access-checks";
import { auditTrail, type AuditTrail } from "./support/audit";
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
 * access as the command table declares it, then runs the command in one transaction (or,
 * for a command that writes nothing, outside any) and holds it to its audit policy.
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
  // One attempt at the command; a store may run it again after a conflict, so it starts afresh.
  const attempt = <T>(work: (runtime: Runtime, trail: AuditTrail) => Promise<T>) => {
    const inStore = (tx: Repositories) => {
      out.reset();
      const runtime: Runtime = { deps, tx, now, out };
      const trail = auditTrail(event, def.audit, runtime);
      return work(runtime, trail).then((result) => {
        trail.close();
        return result;
      });
    };
    if (def.transaction === "none") return deps.store.read(inStore);
    if (def.transaction === "snapshot") return deps.store.readSnapshot(inStore);
    return deps.store.transaction(inStore);
  };

  if (def.scope === "anonymous") {
    if (actor.kind === "user") refuse("ALREADY_AUTHENTICATED", "You are already logged in; log out first.");
    const prepared = def.prepare ? await def.prepare(typedPayload, deps) : undefined;
    return attempt((runtime, trail) =>
      def.run({ ...runtime, payload: typedPayload, actor, audit: trail.write }, prepared),
    );
  }

  if (actor.kind !== "user") return refuse("NOT_AUTHENTICATED", "Log in first.");
  checkScope(actor, event, typedPayload);
  const prepared = def.scope === "user" && def.prepare ? await def.prepare(typedPayload, deps) : undefined;
  return attempt(async (runtime, trail) => {
    const base = { ...runtime, payload: typedPayload, actor, audit: trail.write };
    if (def.scope === "user") {
      const user = admitActor(await readActor(runtime.tx, actor), now);
      if (def.access === "admin" && !user.isAdmin) refuse("FORBIDDEN", "Only server admins can do that.");
      return def.run({ ...base, user }, prepared);
    }
    const channelName = def.channelOf(typedPayload);
    // Aimed at a nick: only the actor is checked; the command finds the conversation.
    if (channelName === undefined)
      return def.run({ ...base, user: admitActor(await readActor(runtime.tx, actor), now) }, null);
    const access = typeof def.access === "function" ? def.access(typedPayload) : def.access;
    const reading = await readChannel(runtime, actor, channelName, def.transaction === "required");
    const { user, scope } = admitToChannel(reading, now, access);
    // Only an admin moderates a channel without being in it: never silently in an invite-only one.
    if (access === "operator" && actsFromOutside(scope)) trail.requireEntry();
    return def.run({ ...base, user }, scope);
  });
}

const readActor = async (tx: Repositories, actor: UserActor): Promise<ActorReading> => ({
  session: await tx.sessions.findById(actor.sessionId),
  user: await tx.users.findById(actor.userId),
});

/**
 * What admitting the actor to the named channel needs. In a transaction an expired ban is
 * removed on sight; outside one (a command that writes nothing) it is only not counted.
 */
async function readChannel(
  ctx: Runtime,
  actor: UserActor,
  name: string,
  inTransaction: boolean,
): Promise<ChannelReading> {
  const { tx } = ctx;
  const who = await readActor(tx, actor);
  const channel = await tx.channels.findByNameKey(nameKey(name));
  if (channel === null || channel.kind !== "channel") return { ...who, name, channel, banned: false, membership: null };
  const banned = inTransaction
    ? (await activeBan(ctx, channel.id, actor.userId)) !== null
    : await tx.bans.find(channel.id, actor.userId).then((ban) => ban !== null && isBanInForce(ban, ctx.now));
  const membership = await tx.memberships.find(channel.id, actor.userId);
  return { ...who, name, channel, banned, membership };
}
