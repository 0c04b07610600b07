import { webhooksPerChannelMax } from "@canaduck/contract";
import { userCommand } from "../command";
import { refuse } from "../domain-error";
import { newSessionToken } from "../support/tokens";
import { manageableChannel, toWebhookInfo } from "../support/webhooks";

/**
 * webhook:create — an outgoing webhook: the server POSTs each new entry of the channel's log
 * to `url`, signed with the secret answered here once (kept as is: signing needs it). The URL's
 * host is resolved before the transaction; a private or loopback address is refused here, and
 * checked again at every delivery (the name may point elsewhere by then).
 */
export const webhookCreate = userCommand<"webhook:create", string | null>({
  access: "user",
  rate: { spends: ["command"], counts: "calls" },
  transaction: "required",
  audit: { action: "webhook-create", when: "always" },
  prepare: (payload, deps) => deps.webhookTargets.refusal(payload.url),
  async run(ctx, refusal) {
    const channel = await manageableChannel(ctx, ctx.payload.channel);
    if (refusal !== null) refuse("WEBHOOK_URL_REFUSED", `That webhook URL is refused: ${refusal}.`);
    if ((await ctx.tx.webhooks.listByChannel(channel.id)).length >= webhooksPerChannelMax)
      refuse("TOO_MANY_WEBHOOKS", `${channel.name} already has ${webhooksPerChannelMax} webhooks, the most allowed.`);
    const webhook = {
      id: ctx.deps.ids.newId(),
      channelId: channel.id,
      kind: "outgoing" as const,
      url: ctx.payload.url,
      secret: newSessionToken(),
      signed: true,
      botId: null,
      sessionId: null,
      createdBy: ctx.user.id,
      createdAt: ctx.now,
    };
    await ctx.tx.webhooks.insert(webhook);
    ctx.out.push({ type: "webhooks-changed", channel: channel.id });
    await ctx.audit({ actor: ctx.user, channel, detail: `outgoing ${webhook.id}` });
    return { webhook: toWebhookInfo(webhook, channel, ctx.user, null), secret: webhook.secret };
  },
});
