import type { Runtime } from "../command";
import { EffectList, type Effect } from "../effects";
import type { DomainDeps } from "../ports";
import type { AuditLine } from "../support/audit";

/** What an operator's action did: its answer, and the effects for a connected server to apply. */
export interface OperatorOutcome<T> {
  result: T;
  effects: Effect[];
}

/** The audit log's actor for what the admin command line did: no account, the machine's operator. */
export const OPERATOR = { name: "(admin command line)" };

/**
 * Runs an operator's action (the admin command line, on the server's machine) in one
 * transaction, with the same ports and helpers as the protocol's commands, and audits it.
 */
export async function operate<T>(
  deps: DomainDeps,
  action: string,
  work: (ctx: Runtime) => Promise<{ result: T; audit: AuditLine }>,
): Promise<OperatorOutcome<T>> {
  const out = new EffectList();
  const now = deps.clock.now();
  const result = await deps.store.transaction(async (tx) => {
    out.reset();
    const ctx: Runtime = { deps, tx, now, out };
    const done = await work(ctx);
    const line = done.audit;
    await tx.audit.insert({
      action,
      actorName: OPERATOR.name,
      channelName: null,
      targetName: line.target?.name ?? null,
      detail: line.detail ?? "",
      createdAt: now,
    });
    return done.result;
  });
  return { result, effects: out.items };
}
