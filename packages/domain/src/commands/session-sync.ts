import { limits, type ConversationChanges } from "@canaduck/contract";
import { userCommand } from "../command";
import { pageAfter, pageBefore } from "../support/history";
import { channelView, toUserView } from "../support/views";

/**
 * session:sync — a reconnect in one round trip: session:state, and for each conversation the
 * user is in, what changed after the seq the client holds. Further behind than
 * limits.syncEntriesMax (or not named), the client gets the newest page and starts afresh.
 */
export const sessionSync = userCommand<"session:sync">({
  access: "user",
  // A reconnect reads every conversation, as costly as a join: it spends the join budget, which
  // a client reconnecting as it should (once per connection) never comes near.
  rate: { spends: ["join"], counts: "calls" },
  transaction: "required",
  audit: "none",
  async run(ctx) {
    const held = new Map(ctx.payload.conversations.map((c) => [c.channelId, c.after]));
    const joined = await ctx.tx.memberships.listChannelsOf(ctx.user.id);
    const channels = [];
    const changes: ConversationChanges[] = [];
    for (const { channel } of joined) {
      channels.push(await channelView(ctx.tx, channel, ctx.user.id));
      const after = held.get(channel.id);
      const read = { tx: ctx.tx, channelId: channel.id, viewerId: ctx.user.id };
      if (after !== undefined && after >= channel.lastSeq - limits.syncEntriesMax) {
        const { messages } = await pageAfter({ ...read, limit: limits.syncEntriesMax }, after);
        changes.push({ channelId: channel.id, reset: false, messages, hasMore: false });
      } else {
        const { messages, hasMore } = await pageBefore({ ...read, limit: limits.historyPageDefault }, undefined);
        changes.push({ channelId: channel.id, reset: true, messages, hasMore });
      }
    }
    return { user: toUserView(ctx.user), channels, changes };
  },
});
