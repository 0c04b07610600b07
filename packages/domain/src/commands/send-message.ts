import { isChannelName } from "@canaduck/contract";
import { targetCommand } from "../command";
import { appendMessage } from "../support/append-message";
import { openDirect } from "../support/direct";
import { requireUserByNick } from "../support/lookup";
import { sentLine } from "../support/message-record";
import { toMessage } from "../support/views";

/**
 * message:send — to a channel the actor is in, or to a nick as a direct message. A retry
 * with the same clientId returns the message stored the first time instead of a copy.
 */
export const sendMessage = targetCommand<"message:send">({
  access: "member",
  rate: { spends: ["send"], counts: "calls" },
  transaction: "required",
  audit: "none",
  channelOf: (p) => (isChannelName(p.target) ? p.target : undefined),
  async run(ctx, scope) {
    const { clientId } = ctx.payload;
    if (clientId !== undefined) {
      const earlier = await ctx.tx.messages.findByClientId(ctx.user.id, clientId);
      if (earlier) return { message: toMessage(earlier) };
    }
    const channel =
      scope?.channel ?? (await openDirect(ctx, ctx.user, await requireUserByNick(ctx, ctx.payload.target)));
    return { message: toMessage(await appendMessage(ctx, channel, sentLine(ctx.user, ctx.payload))) };
  },
});
