import { userCommand } from "../command";
import { manageableChannel, toWebhookInfo } from "../support/webhooks";

/** webhook:list — a channel's webhooks, oldest first, never their secrets. */
export const webhookList = userCommand<"webhook:list">({
  access: "user",
  rate: { spends: ["read"], counts: "calls" },
  transaction: "none",
  audit: "none",
  async run(ctx) {
    const channel = await manageableChannel(ctx, ctx.payload.channel);
    const webhooks = await ctx.tx.webhooks.listByChannel(channel.id);
    const ids = [...new Set(webhooks.flatMap((w) => (w.botId === null ? [w.createdBy] : [w.createdBy, w.botId])))];
    const users = new Map((await ctx.tx.users.findByIds(ids)).map((u) => [u.id, u]));
    return {
      webhooks: webhooks.map((w) =>
        toWebhookInfo(
          w,
          channel,
          users.get(w.createdBy) ?? null,
          w.botId === null ? null : (users.get(w.botId) ?? null),
        ),
      ),
    };
  },
});
