import { userCommand } from "../command";
import { refuse } from "../domain-error";
import { requireUserByNick } from "../support/lookup";
import { suspendUser } from "../support/suspension";

/** user:suspend — an admin suspends an account: its sessions end, it cannot log in, its lines stay. */
export const suspend = userCommand<"user:suspend">({
  access: "admin",
  rate: { spends: ["command"], counts: "calls" },
  transaction: "required",
  audit: { action: "suspend", when: "always" },
  async run(ctx) {
    const target = await requireUserByNick(ctx, ctx.payload.nick);
    if (target.id === ctx.user.id) refuse("FORBIDDEN", "You cannot suspend yourself.");
    const reason = ctx.payload.reason?.trim() || null;
    const sessionsEnded = await suspendUser(ctx, target, reason);
    await ctx.audit({ actor: ctx.user, target, detail: reason ?? "" });
    return { sessionsEnded };
  },
});
