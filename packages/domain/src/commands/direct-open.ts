import { userCommand } from "../command";
import { reopenFor } from "../support/closed-directs";
import { requireOwnDirect } from "../support/direct";
import { channelView } from "../support/views";

/**
 * direct:open — the actor's direct conversation with a nick, brought back to every device of
 * theirs when they had closed it. One not started yet is refused: its first line starts it.
 */
export const directOpen = userCommand<"direct:open">({
  access: "user",
  rate: { spends: ["command"], counts: "calls" },
  transaction: "required",
  audit: "none",
  async run(ctx) {
    const channel = await requireOwnDirect(ctx, ctx.payload.nick);
    await reopenFor(ctx, channel, ctx.user.id);
    return { channel: await channelView(ctx.tx, channel, ctx.user.id) };
  },
});
