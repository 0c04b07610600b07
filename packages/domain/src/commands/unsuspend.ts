import { userCommand } from "../command";
import { requireUserByNick } from "../support/lookup";
import { unsuspendUser } from "../support/suspension";

/** user:unsuspend — an admin lets a suspended account log in again. */
export const unsuspend = userCommand<"user:unsuspend">({
  access: "admin",
  rate: { spends: ["command"], counts: "calls" },
  transaction: "required",
  audit: { action: "unsuspend", when: "always" },
  async run(ctx) {
    const target = await requireUserByNick(ctx, ctx.payload.nick);
    await unsuspendUser(ctx, target);
    await ctx.audit({ actor: ctx.user, target });
    return {};
  },
});
