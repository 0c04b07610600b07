import { userCommand } from "../command";
import { ignoredUsers } from "../support/ignores";
import { requireUserByNick } from "../support/lookup";

/** user:unignore — takes a user off the actor's ignore list (a no-op when they were not on it). */
export const unignore = userCommand<"user:unignore">({
  access: "user",
  rate: { spends: ["command"], counts: "calls" },
  transaction: "required",
  audit: "none",
  async run(ctx) {
    const target = await requireUserByNick(ctx, ctx.payload.nick);
    await ctx.tx.ignores.remove(ctx.user.id, target.id);
    const ignored = await ignoredUsers(ctx.tx, ctx.user.id);
    ctx.out.emit({ user: ctx.user.id }, "ignore:changed", { ignored });
    return { ignored };
  },
});
