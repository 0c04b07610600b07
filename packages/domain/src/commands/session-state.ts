import { userCommand } from "../command";
import { shownConversations } from "../support/closed-directs";
import { ignoredUsers } from "../support/ignores";
import { settingsOf } from "../support/settings";
import { channelViewsOf, toUserView } from "../support/views";

/** session:state — who the actor is, every channel and direct conversation they are in, and their settings. */
export const sessionState = userCommand<"session:state">({
  access: "user",
  rate: { spends: ["read"], counts: "calls" },
  transaction: "none",
  audit: "none",
  async run(ctx) {
    // A direct conversation the user closed is left out, as one they left would be.
    const joined = await shownConversations(ctx, ctx.user.id, await ctx.tx.memberships.listChannelsOf(ctx.user.id));
    const channels = await channelViewsOf(ctx.tx, ctx.user, joined);
    return {
      user: toUserView(ctx.user),
      channels,
      ignored: await ignoredUsers(ctx.tx, ctx.user.id),
      settings: await settingsOf(ctx.tx, ctx.user.id),
    };
  },
});
