import { isChannelName } from "@canaduck/contract";
import { targetCommand } from "../command";
import { findDirect } from "../support/direct";
import { requireUserByNick } from "../support/lookup";

/** typing:set — tells the others in a channel or direct conversation; nothing is stored. */
export const typing = targetCommand<"typing:set">({
  access: "member",
  rate: { spends: ["typing"], counts: "calls" },
  transaction: "none",
  audit: "none",
  channelOf: (p) => (isChannelName(p.target) ? p.target : undefined),
  async run(ctx, scope) {
    const channel =
      scope?.channel ?? (await findDirect(ctx, ctx.user, await requireUserByNick(ctx, ctx.payload.target)));
    if (channel) {
      ctx.out.emit({ channel: channel.id }, "typing:changed", {
        channelId: channel.id,
        user: { id: ctx.user.id, name: ctx.user.name },
        typing: ctx.payload.typing,
      });
    }
    return {};
  },
});
