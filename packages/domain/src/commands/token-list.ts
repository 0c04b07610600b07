import { userCommand } from "../command";
import { isApiToken, toTokenInfo } from "../support/api-tokens";
import { isSessionLive } from "../support/sessions";
import { tokenOwner } from "../support/token-owners";

/** token:list — the live API tokens of the actor or of one of their bots, newest first, without secrets. */
export const tokenList = userCommand<"token:list">({
  access: "user",
  rate: { spends: ["read"], counts: "calls" },
  transaction: "none",
  audit: "none",
  async run(ctx) {
    const owner = await tokenOwner(ctx, ctx.payload.bot);
    const live = (await ctx.tx.sessions.listByUser(owner.id)).filter((s) => isApiToken(s) && isSessionLive(s, ctx.now));
    return {
      tokens: live
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || a.id.localeCompare(b.id))
        .map((s) => toTokenInfo(s, owner)),
    };
  },
});
