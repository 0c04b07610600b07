import type { WebhookInfo } from "@canaduck/contract";
import type { UserContext } from "../command";
import { refuse } from "../domain-error";
import type { ChannelRecord, UserRecord, WebhookRecord } from "../records";
import type { ClientEventName } from "@canaduck/contract";
import { nameKey } from "./names";

/** Who manages a channel's webhooks: its owner, and server admins (who need not be in it). */
async function mayManage(ctx: UserContext<ClientEventName>, channel: ChannelRecord): Promise<boolean> {
  if (ctx.user.isAdmin) return true;
  const membership = await ctx.tx.memberships.find(channel.id, ctx.user.id);
  return membership?.role === "owner";
}

/** The named channel, if the actor may manage its webhooks; refused otherwise. */
export async function manageableChannel(ctx: UserContext<ClientEventName>, name: string): Promise<ChannelRecord> {
  const channel = await ctx.tx.channels.findByNameKey(nameKey(name));
  if (channel === null || channel.kind !== "channel") return refuse("NO_SUCH_CHANNEL", `There is no channel ${name}.`);
  if (!(await mayManage(ctx, channel)))
    refuse("FORBIDDEN", `Only ${channel.name}'s owner or a server admin manages its webhooks.`);
  return channel;
}

/**
 * The webhook with this id and its channel, if the actor may manage it. One they may not is
 * answered as one that does not exist, so its id tells a stranger nothing.
 */
export async function manageableWebhook(
  ctx: UserContext<ClientEventName>,
  id: string,
): Promise<{ webhook: WebhookRecord; channel: ChannelRecord }> {
  const webhook = await ctx.tx.webhooks.findById(id);
  const channel = webhook === null ? null : await ctx.tx.channels.findById(webhook.channelId);
  if (webhook === null || channel === null || !(await mayManage(ctx, channel)))
    return refuse("NO_SUCH_WEBHOOK", "There is no such webhook, or it is not yours to manage.");
  return { webhook, channel };
}

export const toWebhookInfo = (
  webhook: WebhookRecord,
  channel: ChannelRecord,
  creator: UserRecord | null,
  bot: UserRecord | null,
): WebhookInfo => ({
  id: webhook.id,
  kind: webhook.kind,
  channel: channel.name,
  ...(webhook.url === null ? {} : { url: webhook.url }),
  ...(bot === null ? {} : { bot: { id: bot.id, name: bot.name } }),
  signed: webhook.signed,
  createdBy: creator?.name ?? "",
  createdAt: webhook.createdAt.toISOString(),
});

/** The path an incoming webhook is POSTed to; the secret in it is the credential. */
export const incomingHookPath = (webhook: WebhookRecord): string => `/api/v1/hooks/${webhook.id}/${webhook.secret}`;
