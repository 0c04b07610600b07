import { userCommand } from "../command";
import { insertAccount } from "../support/accounts";
import { toUserView } from "../support/views";
import { refuse } from "../domain-error";

/** How many bots one user may own: each is an account, and accounts are not free to make. */
export const BOTS_PER_OWNER = 20;

/**
 * bot:create — an account the actor owns, flagged a bot. It has no password (the empty hash
 * matches none, and auth:login refuses bots before checking), so it acts only through the
 * tokens its owner makes for it with token:create { bot }.
 */
export const botCreate = userCommand<"bot:create">({
  access: "user",
  rate: { spends: ["register"], counts: "calls" },
  transaction: "required",
  audit: "none",
  async run(ctx) {
    if (ctx.user.isBot) refuse("FORBIDDEN", "A bot cannot own bots.");
    if ((await ctx.tx.users.listBotsOf(ctx.user.id)).length >= BOTS_PER_OWNER)
      refuse("FORBIDDEN", `You already own ${BOTS_PER_OWNER} bots, the most one user may.`);
    const bot = await insertAccount(ctx, ctx.payload.name, "", false, ctx.user.id);
    return { bot: toUserView(bot) };
  },
});
