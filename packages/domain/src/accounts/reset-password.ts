import { passwordSchema } from "@canaduck/contract";
import { describeIssues } from "../dispatch";
import { refuse } from "../domain-error";
import type { DomainDeps } from "../ports";
import { requireUserByNick } from "../support/lookup";
import { endLiveSessions } from "../support/sessions";
import { operate } from "./operate";

/** Sets a new password and ends every session of the account, so whoever knew the old one is out. */
export async function resetPassword(deps: DomainDeps, input: { name: string; password: string }) {
  const parsed = passwordSchema.safeParse(input.password);
  if (!parsed.success) return refuse("INVALID_PAYLOAD", `password: ${describeIssues(parsed.error)}`);
  const passwordHash = await deps.passwords.hash(parsed.data);
  return operate(deps, "reset-password", async (ctx) => {
    const user = await requireUserByNick(ctx, input.name);
    await ctx.tx.users.update(user.id, { passwordHash });
    const sessionsEnded = await endLiveSessions(ctx, user.id);
    return { result: { sessionsEnded }, audit: { target: user } };
  });
}
