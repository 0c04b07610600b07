import { userCommand } from "../command";
import { toUserView } from "../support/views";

/** bot:list — the bots the actor owns, oldest first. */
export const botList = userCommand<"bot:list">({
  access: "user",
  rate: { spends: ["read"], counts: "calls" },
  transaction: "none",
  audit: "none",
  async run(ctx) {
    return { bots: (await ctx.tx.users.listBotsOf(ctx.user.id)).map(toUserView) };
  },
});
