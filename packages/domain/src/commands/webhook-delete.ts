import { userCommand } from "../command";
import { manageableWebhook } from "../support/webhooks";

/**
 * webhook:delete — removes a webhook and its delivery log: pending deliveries are dropped at
 * their next attempt. An incoming hook's session is revoked, so its URL stops at once; its bot
 * stays, with the lines it wrote.
 */
export const webhookDelete = userCommand<"webhook:delete">({
  access: "user",
  rate: { spends: ["command"], counts: "calls" },
  transaction: "required",
  audit: { action: "webhook-delete", when: "always" },
  async run(ctx) {
    const { webhook, channel } = await manageableWebhook(ctx, ctx.payload.webhookId);
    if (webhook.sessionId !== null) await ctx.tx.sessions.revoke(webhook.sessionId, ctx.now);
    await ctx.tx.webhooks.remove(webhook.id);
    ctx.out.push({ type: "webhooks-changed", channel: channel.id });
    await ctx.audit({ actor: ctx.user, channel, detail: `${webhook.kind} ${webhook.id}` });
    return {};
  },
});
