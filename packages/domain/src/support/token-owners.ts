import type { UserContext } from "../command";
import { refuse } from "../domain-error";
import type { UserRecord } from "../records";
import { nameKey } from "./names";

/**
 * Whose tokens a command is about: the actor's own, or those of a bot the actor owns. Another
 * user's account, a bot someone else owns and no account at all are answered alike, so bot
 * names and owners cannot be probed.
 */
export async function tokenOwner(
  ctx: UserContext<"token:create" | "token:list">,
  botNick: string | undefined,
): Promise<UserRecord> {
  if (botNick === undefined) return ctx.user;
  const bot = await ctx.tx.users.findByNameKey(nameKey(botNick));
  if (bot === null || !bot.isBot || bot.ownerId !== ctx.user.id)
    return refuse("NO_SUCH_USER", `You own no bot called ${botNick}; bot:list shows yours.`);
  return bot;
}

/** The accounts whose tokens the actor manages: theirs and their bots'. */
export async function managedAccounts(ctx: UserContext<"token:revoke">): Promise<Map<string, UserRecord>> {
  const bots = await ctx.tx.users.listBotsOf(ctx.user.id);
  return new Map([ctx.user, ...bots].map((u) => [u.id, u]));
}
