import { userCommand } from "../command";
import { refuse } from "../domain-error";
import { nameKey } from "../support/names";
import { toUserView } from "../support/views";

/** user:nick — renames the account; a change of case alone is allowed. */
export const nick = userCommand<"user:nick">({
  access: "user",
  rate: "unlimited",
  transaction: "required",
  audit: "none",
  async run(ctx) {
    const wanted = ctx.payload.nick;
    const key = nameKey(wanted);
    const holder = await ctx.tx.users.findByNameKey(key);
    if (holder && holder.id !== ctx.user.id) refuse("NICK_IN_USE", `The name ${wanted} is taken.`);
    const previousName = ctx.user.name;
    await ctx.tx.users.rename(ctx.user.id, wanted, key);
    const user = toUserView({ ...ctx.user, name: wanted, nameKey: key });
    const channels = (await ctx.tx.memberships.listChannelsOf(ctx.user.id)).map(({ channel }) => channel.id);
    ctx.out.emit({ channels, users: [ctx.user.id] }, "user:updated", { user, previousName });
    return { user };
  },
});
