import { webhookDeliveriesDefault } from "@canaduck/contract";
import { userCommand } from "../command";
import { toWebhookDelivery } from "../support/webhook-deliveries";
import { manageableWebhook } from "../support/webhooks";

/** webhook:deliveries — an outgoing webhook's delivery log, newest first. */
export const webhookDeliveries = userCommand<"webhook:deliveries">({
  access: "user",
  rate: { spends: ["read"], counts: "calls" },
  transaction: "none",
  audit: "none",
  async run(ctx) {
    const { webhook } = await manageableWebhook(ctx, ctx.payload.webhookId);
    const limit = ctx.payload.limit ?? webhookDeliveriesDefault;
    return { deliveries: (await ctx.tx.webhookDeliveries.listRecent(webhook.id, limit)).map(toWebhookDelivery) };
  },
});
