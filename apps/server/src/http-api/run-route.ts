import type { Actor, Outcome } from "@canaduck/domain";
import type { Logger } from "../logger";
import type { Metrics } from "../observability/metrics";
import type { applyEffects } from "../realtime/apply-effects";
import type { ChatServer } from "../realtime/types";
import { chargeSend, RESTARTING, runCommand, submitSend, type CommandPath } from "../realtime/run-command";

export interface RouteRunDeps extends CommandPath {
  io: ChatServer;
  logger: Logger;
  metrics: Metrics;
  applyEffects: typeof applyEffects;
}

/**
 * Runs one client event for an HTTP request exactly as a socket runs it (rate budgets, group
 * commit for sends, dispatcher, authorization) and carries out its effects through the same
 * fan-out, so a line posted here reaches every Socket.IO client in the channel.
 */
export async function runRoute(
  deps: RouteRunDeps,
  actor: Actor,
  address: string,
  event: string,
  payload: unknown,
): Promise<Outcome> {
  deps.metrics.events.inc({ event });
  const endTimer = deps.metrics.ackLatency.startTimer({ event });
  const outcome = await outcomeOf(deps, actor, address, event, payload);
  const user = actor.kind === "user" ? actor.userId : null;
  if (outcome.cause !== undefined) deps.logger.error({ err: outcome.cause, event, user }, "HTTP command failed");
  // No connection to bind or close: a login's token is in the answer, a quit has no socket.
  await deps.applyEffects({ io: deps.io, socket: null, bindSession: () => Promise.resolve() }, outcome.effects);
  endTimer();
  if (!outcome.ack.ok) deps.metrics.errors.inc({ code: outcome.ack.error.code });
  return outcome;
}

async function outcomeOf(
  deps: RouteRunDeps,
  actor: Actor,
  address: string,
  event: string,
  payload: unknown,
): Promise<Outcome> {
  if (deps.lifecycle.closing) return { ack: { ok: false, error: RESTARTING }, effects: [] };
  if (event !== "message:send") return runCommand(deps, actor, address, event, payload);
  const refusal = await chargeSend(deps, actor, address, payload);
  if (refusal !== null) return { ack: { ok: false, error: refusal }, effects: [] };
  return submitSend(deps, actor, payload);
}
