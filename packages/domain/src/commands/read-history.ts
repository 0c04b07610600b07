import { isChannelName, limits } from "@canaduck/contract";
import { targetCommand } from "../command";
import { findDirect } from "../support/direct";
import { pageAfter, pageAround, pageBefore } from "../support/history";
import { requireUserByNick } from "../support/lookup";

/**
 * history:read — a page of a channel's or a direct conversation's log, oldest first: backwards,
 * forwards, or around a seq (jumping to a reply's original). Lines come in their current state,
 * with the change entries among them, so paging stays gap-free by seq.
 */
export const readHistory = targetCommand<"history:read">({
  access: "viewer",
  rate: { spends: ["read"], counts: "calls" },
  transaction: "snapshot",
  audit: "none",
  channelOf: (p) => (isChannelName(p.target) ? p.target : undefined),
  async run(ctx, scope) {
    const channel =
      scope?.channel ?? (await findDirect(ctx, ctx.user, await requireUserByNick(ctx, ctx.payload.target)));
    if (channel === null) return { channelId: "", messages: [], hasMore: false };
    const { before, after, around } = ctx.payload;
    const read = {
      tx: ctx.tx,
      channelId: channel.id,
      viewerId: ctx.user.id,
      limit: ctx.payload.limit ?? limits.historyPageDefault,
    };
    const page =
      after !== undefined
        ? await pageAfter(read, after)
        : around !== undefined
          ? await pageAround(read, around)
          : await pageBefore(read, before);
    return { channelId: channel.id, ...page };
  },
});
