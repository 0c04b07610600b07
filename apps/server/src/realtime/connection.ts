import type { Ack } from "@canaduck/contract";
import { channelsOf, presenceChanged, type DomainDeps, type UserActor } from "@canaduck/domain";
import type { Logger } from "../logger";
import type { AbuseGuard } from "../security/abuse-guard";
import { applyEffects, isClosing, type EffectTarget } from "./apply-effects";
import { CommandQueue } from "./command-queue";
import type { Lifecycle } from "./lifecycle";
import type { PresenceTracker } from "./presence-tracker";
import { channelRoom, sessionRoom, userRoom } from "./rooms";
import type { ChatServer, ChatSocket } from "./types";

export interface ConnectionDeps {
  io: ChatServer;
  domain: DomainDeps;
  presence: PresenceTracker;
  logger: Logger;
  /** Commands a connection may have waiting before further ones are refused. */
  queueCapacity: number;
  lifecycle: Lifecycle;
  /** Rate limits in front of the domain. */
  guard: AbuseGuard;
}

type AckFn = (result: Ack<unknown>) => void;

/** Connections counted in presence; only these are uncounted when they close. */
const counted = new WeakSet<ChatSocket>();

/** Wires one connection: its rooms and presence, and every event it sends through the domain. */
export function handleConnection(deps: ConnectionDeps, socket: ChatSocket): void {
  const log = deps.logger.child({ conn: socket.data.connectionId });
  const queue = new CommandQueue(deps.queueCapacity);
  const target: EffectTarget = { io: deps.io, socket, bindSession: (s, actor) => bindSession(deps, s, actor) };

  const { actor } = socket.data;
  if (actor.kind === "user") {
    queue.offer(() => bindSession(deps, socket, actor).catch((error: unknown) => log.error({ err: error }, "binding the session failed")));
  }
  log.debug({ user: actor.kind === "user" ? actor.userId : null }, "connected");

  socket.onAny((event: unknown, ...args: unknown[]) => {
    const last = args.at(-1);
    const ack: AckFn = typeof last === "function" ? (last as AckFn) : () => undefined;
    const payload = args.length > 0 && typeof args[0] !== "function" ? args[0] : undefined;
    const name = typeof event === "string" ? event : String(event);
    const accepted = queue.offer(async () => {
      if (deps.lifecycle.closing) {
        // The client's outbox sends it again once it has reconnected to a live server.
        ack({ ok: false, error: { code: "UNAVAILABLE", message: "The server is restarting; try again in a moment." } });
        return;
      }
      const outcome = await deps.lifecycle.track(() => deps.guard.execute(deps.domain, socket.data.actor, socket.data.address, name, payload));
      const user = socket.data.actor.kind === "user" ? socket.data.actor.userId : null;
      if (outcome.cause !== undefined) log.error({ err: outcome.cause, event: name, user }, "command failed");
      else if (!outcome.ack.ok) log.debug({ event: name, user, code: outcome.ack.error.code }, "command refused");
      await applyEffects(target, outcome.effects.filter((e) => !isClosing(e)));
      ack(outcome.ack);
      await applyEffects(target, outcome.effects.filter(isClosing));
    });
    if (!accepted) {
      ack({ ok: false, error: { code: "RATE_LIMITED", message: "Too many commands at once; wait for answers.", retryAfterMs: 1000 } });
    }
  });

  socket.on("disconnect", (reason) => {
    log.debug({ reason }, "disconnected");
    const current = socket.data.actor;
    if (current.kind === "user" && counted.has(socket) && deps.presence.disconnected(current.userId)) {
      presenceChanged(deps.domain, current, false)
        .then((effects) => applyEffects(target, effects))
        .catch((error: unknown) => log.warn({ err: error }, "announcing offline state failed"));
    }
  });
}

/** Puts a connection in its user's, session's and channels' rooms and marks the user online. */
async function bindSession(deps: ConnectionDeps, socket: ChatSocket, actor: UserActor): Promise<void> {
  socket.data.actor = actor;
  const channels = await channelsOf(deps.domain, actor.userId);
  if (socket.disconnected) return;
  void socket.join([userRoom(actor.userId), sessionRoom(actor.sessionId), ...channels.map(channelRoom)]);
  counted.add(socket);
  if (deps.presence.connected(actor.userId)) {
    const effects = await presenceChanged(deps.domain, actor, true);
    await applyEffects({ io: deps.io, socket, bindSession: () => Promise.resolve() }, effects);
  }
}
