import type { DomainDeps } from "../ports";
import { requireUserByNick } from "../support/lookup";
import { suspendUser, unsuspendUser } from "../support/suspension";
import { operate } from "./operate";

/** The admin command line's suspend: the same rule as /suspend (support/suspension.ts). */
export function suspendAccount(deps: DomainDeps, input: { name: string; reason: string | null }) {
  return operate(deps, "suspend", async (ctx) => {
    const user = await requireUserByNick(ctx, input.name);
    const reason = input.reason?.trim() || null;
    const sessionsEnded = await suspendUser(ctx, user, reason);
    return { result: { sessionsEnded, name: user.name }, audit: { target: user, detail: reason ?? "" } };
  });
}

export function unsuspendAccount(deps: DomainDeps, input: { name: string }) {
  return operate(deps, "unsuspend", async (ctx) => {
    const user = await requireUserByNick(ctx, input.name);
    await unsuspendUser(ctx, user);
    return { result: { name: user.name }, audit: { target: user } };
  });
}
