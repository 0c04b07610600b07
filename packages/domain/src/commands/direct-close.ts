import { userCommand } from "../command";
import { requireOwnDirect } from "../support/direct";

/**
 * direct:close — hides the actor's direct conversation with a nick on every device of theirs
 * (the mark is kept with their read marker, on the server) until a new line arrives in it or
 * they open it again. Nothing is deleted and the other person is not told.
 */
export const directClose = userCommand<"direct:close">({
  access: "user",
  rate: { spends: ["command"], counts: "calls" },
  transaction: "required",
  audit: "none",
  async run(ctx) {
    const channel = await requireOwnDirect(ctx, ctx.payload.nick);
    await ctx.tx.readMarkers.setClosed(ctx.user.id, channel.id, channel.lastSeq, ctx.now);
    ctx.out.emit({ user: ctx.user.id }, "direct:closed", { channelId: channel.id });
    return {};
  },
});
