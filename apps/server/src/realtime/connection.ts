import { isClientEventName, type Ack } from "@canaduck/contract";
import type { DomainDeps, Outcome } from "@canaduck/domain";
import type { Logger } from "../logger";
import type { Metrics } from "../observability/metrics";
import type { PresenceRegistry } from "../scale/presence-registry";
import type { AbuseGuard } from "../security/abuse-guard";
import { isClosing, type applyEffects, type EffectTarget } from "./apply-effects";
import { bindSession, counted } from "./bind-session";
import { CommandQueue } from "./command-queue";
import { RefusalMeter } from "./refusal-meter";
import { chargeSend, RESTARTING, runCommand, submitSend } from "./run-command";
import type { ConnectReads } from "./connect-batches";
import { handshakeToken } from "./handshake";
import type { Lifecycle } from "./lifecycle";
import type { PresenceAnnouncer } from "./presence-announcer";
import type { ReadGate } from "./read-gate";
import type { SendBatcher } from "./send-batcher";
import type { ChatServer, ChatSocket } from "./types";

export interface ConnectionDeps {
  io: ChatServer;
  domain: DomainDeps;
  presence: PresenceRegistry;
  logger: Logger;
  metrics: Metrics;
  /** Commands a connection may have waiting before further ones are refused. */
  queueCapacity: number;
  /** RATE_LIMITED answers (in 10 s) past which a connection is closed; null: never. */
  closeAfterRefusals: number | null;
  lifecycle: Lifecycle;
  /** Rate limits in front of the domain. */
  guard: AbuseGuard;
  /** Where every `message:send` goes: the node's group commit. */
  sends: SendBatcher;
  /** A connection's reads of its user and channels, grouped with other connections'. */
  reads: ConnectReads;
  /** The node's reads go through it a few at a time, so writes are not queued behind a flood of them. */
  readGate: ReadGate;
  /** Tells channels who came online or went offline, a burst gathered into lists. */
  announcer: PresenceAnnouncer;
  /** Carries out a command's effects (a seam: tests make it fail). */
  applyEffects: typeof applyEffects;
}

type AckFn = (result: Ack<unknown>) => void;

const INTERNAL: Ack<never> = { ok: false, error: { code: "INTERNAL", message: "Something went wrong on the server." } };

const userOf = (socket: ChatSocket): string | null =>
  socket.data.actor.kind === "user" ? socket.data.actor.userId : null;

/** Wires one connection: its rooms and presence, and every event it sends through the domain. */
export function handleConnection(deps: ConnectionDeps, socket: ChatSocket): void {
  const log = deps.logger.child({ conn: socket.data.connectionId });
  // Each command catches its own failure (below); this is the last resort that keeps the queue going.
  const queue = new CommandQueue(deps.queueCapacity, (error) =>
    log.error({ err: error, user: userOf(socket) }, "a queued task failed"),
  );
  // A login binds right after its commit: the session is new, so there is nothing to re-check.
  const target: EffectTarget = { io: deps.io, socket, bindSession: (s, actor) => bindSession(deps, s, actor, log) };

  const { actor } = socket.data;
  const token = handshakeToken(socket);
  if (actor.kind === "user" && token !== undefined) {
    // Called now, not queued: its first step joins the user's and session's rooms before this
    // connection can miss anything addressed to them. Commands queue behind the rest of it.
    const binding = bindSession(deps, socket, actor, log, () => deps.reads.authenticate(token)).catch(
      (error: unknown) => {
        // Unbound, it would hear nothing; the client reconnects and binds again.
        log.error({ err: error }, "binding the session failed");
        socket.disconnect(true);
      },
    );
    queue.offer(() => binding);
  }
  log.debug({ user: actor.kind === "user" ? actor.userId : null }, "connected");

  // A connection's sends go to the node's batcher without waiting for each other's answers;
  // any other command waits until the sends before it are answered, so acks keep their order.
  let sendsAnswered: Promise<void> = Promise.resolve();
  const refusals = deps.closeAfterRefusals === null ? null : new RefusalMeter(deps.closeAfterRefusals);
  let sendsInFlight = 0;

  socket.onAny((event: unknown, ...args: unknown[]) => {
    const last = args.at(-1);
    const clientAck: AckFn = typeof last === "function" ? (last as AckFn) : () => undefined;
    // Answered once: a command that fails after answering is logged, not answered twice.
    let answered = false;
    const ack: AckFn = (result) => {
      if (answered) return;
      answered = true;
      clientAck(result);
      if (!result.ok && result.error.code === "RATE_LIMITED" && refusals?.note() === true && socket.connected) {
        log.warn({ user: userOf(socket) }, "closing a connection that kept sending after RATE_LIMITED");
        socket.disconnect(true);
      }
    };
    const payload = args.length > 0 && typeof args[0] !== "function" ? args[0] : undefined;
    const name = typeof event === "string" ? event : String(event);
    // Attackers choose event names: only known ones become metric labels.
    const label = isClientEventName(name) ? name : "unknown";
    deps.metrics.events.inc({ event: label });
    const endTimer = deps.metrics.ackLatency.startTimer({ event: label });
    const respond = async (outcome: Outcome) => {
      const user = userOf(socket);
      if (outcome.cause !== undefined) log.error({ err: outcome.cause, event: name, user }, "command failed");
      else if (!outcome.ack.ok) log.debug({ event: name, user, code: outcome.ack.error.code }, "command refused");
      await deps.applyEffects(
        target,
        outcome.effects.filter((e) => !isClosing(e)),
      );
      ack(outcome.ack);
      endTimer();
      if (!outcome.ack.ok) deps.metrics.errors.inc({ code: outcome.ack.error.code });
      await deps.applyEffects(target, outcome.effects.filter(isClosing));
    };
    // Whatever threw (the store, the effects, the session binding, Redis), the client hears
    // INTERNAL unless it was already answered, and the connection takes its next command.
    const failed = (error: unknown) => {
      log.error({ err: error, event: name, user: userOf(socket) }, "command failed unexpectedly");
      if (answered) return;
      ack(INTERNAL);
      endTimer();
      deps.metrics.errors.inc({ code: "INTERNAL" });
    };
    const accepted = queue.offer(() => run().catch(failed));
    async function run(): Promise<void> {
      if (deps.lifecycle.closing) {
        ack({ ok: false, error: RESTARTING });
        return;
      }
      const { actor, address } = socket.data;
      if (name === "message:send") {
        const refusal = await chargeSend(deps, actor, address, payload);
        if (refusal !== null) return respond({ ack: { ok: false, error: refusal }, effects: [] });
        // Bounded: past the queue's capacity a connection waits for its answers before sending more.
        if (sendsInFlight >= deps.queueCapacity) await sendsAnswered;
        sendsInFlight += 1;
        sendsAnswered = submitSend(deps, actor, payload)
          .then(respond)
          .catch(failed)
          .finally(() => (sendsInFlight -= 1));
        return;
      }
      await sendsAnswered;
      await respond(await runCommand(deps, actor, address, name, payload));
    }
    if (!accepted) {
      deps.metrics.errors.inc({ code: "RATE_LIMITED" });
      ack({
        ok: false,
        error: { code: "RATE_LIMITED", message: "Too many commands at once; wait for answers.", retryAfterMs: 1000 },
      });
    }
  });

  socket.on("disconnect", (reason) => {
    const current = socket.data.actor;
    log.debug({ reason, user: current.kind === "user" ? current.userId : null }, "disconnected");
    if (current.kind !== "user" || !counted.has(socket)) return;
    deps.presence
      .disconnected(current.userId)
      .then(async (wentOffline) => {
        if (wentOffline) deps.announcer.announce(await deps.reads.presenceSubject(current.userId), false);
      })
      .catch((error: unknown) => log.warn({ err: error, user: current.userId }, "announcing offline state failed"));
  });
}
