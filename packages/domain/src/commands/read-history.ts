import { isChannelName, limits } from "@canaduck/contract";
import { targetCommand } from "../command";
import { findDirect } from "../support/direct";
import { requireUserByNick } from "../support/lookup";
import { toMessage } from "../support/views";

/** history:read — a page of a channel's or a direct conversation's history, oldest first, backwards or forwards. */
export const readHistory = targetCommand<"history:read">({
  access: "viewer",
  rate: "unlimited",
  transaction: "required",
  audit: "none",
  channelOf: (p) => (isChannelName(p.target) ? p.target : undefined),
  async run(ctx, scope) {
    const channel =
      scope?.channel ?? (await findDirect(ctx, ctx.user, await requireUserByNick(ctx, ctx.payload.target)));
    if (channel === null) return { channelId: "", messages: [], hasMore: false };
    const { before, after } = ctx.payload;
    const limit = ctx.payload.limit ?? limits.historyPageDefault;
    // One more than asked tells whether another page exists in the direction of reading.
    if (after !== undefined) {
      const page = await ctx.tx.messages.listAfter(channel.id, after, limit + 1);
      return { channelId: channel.id, messages: page.slice(0, limit).map(toMessage), hasMore: page.length > limit };
    }
    const page = await ctx.tx.messages.listBefore(channel.id, before, limit + 1);
    const hasMore = page.length > limit;
    return { channelId: channel.id, messages: (hasMore ? page.slice(1) : page).map(toMessage), hasMore };
  },
});
