import type { ChatError } from "@canaduck/contract";
import { rateOf, type Actor, type DomainDeps, type Outcome } from "@canaduck/domain";
import type { AbuseGuard } from "../security/abuse-guard";
import type { Lifecycle } from "./lifecycle";
import type { ReadGate } from "./read-gate";
import type { SendBatcher } from "./send-batcher";

/** What a command passes through on its way to the domain, whichever transport carried it. */
export interface CommandPath {
  domain: DomainDeps;
  lifecycle: Lifecycle;
  guard: AbuseGuard;
  sends: SendBatcher;
  readGate: ReadGate;
}

/** The answer while the node shuts down: a client's outbox sends it again to a live server. */
export const RESTARTING: ChatError = {
  code: "UNAVAILABLE",
  message: "The server is restarting; try again in a moment.",
};

/** Spends a `message:send` against its rate budgets: null to go ahead, or the refusal. */
export const chargeSend = (path: CommandPath, actor: Actor, address: string, payload: unknown) =>
  path.guard.charge(actor, address, "message:send", payload);

/** A charged `message:send`, through the node's group commit, counted for the shutdown drain. */
export const submitSend = (path: CommandPath, actor: Actor, payload: unknown): Promise<Outcome> =>
  path.lifecycle.track(() => path.sends.submit(actor, payload));

/**
 * Any other command: its rate budgets (the command table's `rate`), then the domain, with reads
 * let through the read gate a few at a time so writes are not queued behind a flood of them.
 */
export function runCommand(
  path: CommandPath,
  actor: Actor,
  address: string,
  event: string,
  payload: unknown,
): Promise<Outcome> {
  const policy = rateOf(event, actor);
  const command = () => path.guard.execute(path.domain, actor, address, event, payload);
  const reads = policy !== "unlimited" && policy.spends.includes("read");
  return path.lifecycle.track(reads ? () => path.readGate.run(command) : command);
}
