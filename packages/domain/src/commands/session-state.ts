import { userCommand } from "../command";
import { channelView, toUserView } from "../support/views";

/** session:state — who the actor is and every channel and direct conversation they are in. */
export const sessionState = userCommand<"session:state">({
  access: "user",
  rate: "unlimited",
  transaction: "required",
  audit: "none",
  async run(ctx) {
    const joined = await ctx.tx.memberships.listChannelsOf(ctx.user.id);
    const channels = await Promise.all(joined.map(({ channel }) => channelView(ctx.tx, channel, ctx.user.id)));
    return { user: toUserView(ctx.user), channels };
  },
});
