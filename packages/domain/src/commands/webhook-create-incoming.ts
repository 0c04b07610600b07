import { tokenMaxDays, webhooksPerChannelMax } from "@canaduck/contract";
import { userCommand } from "../command";
import { refuse } from "../domain-error";
import { insertAccount } from "../support/accounts";
import { appendMessage } from "../support/append-message";
import { markAllRead } from "../support/read-state";
import { hashToken, newSessionToken } from "../support/tokens";
import { publicChannelView } from "../support/views";
import { incomingHookPath, manageableChannel, toWebhookInfo } from "../support/webhooks";
import { announceMember } from "../support/member-change";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * webhook:create-incoming — a bot account the actor owns, in the channel, and a secret URL that
 * says what is POSTed to it as that bot. The bot acts through a session of kind "token" with
 * the write scope only (the same as token:create's), so a post runs through the same dispatcher,
 * membership check and rate budgets as any other line; deleting the hook revokes that session.
 */
export const webhookCreateIncoming = userCommand<"webhook:create-incoming">({
  access: "user",
  rate: { spends: ["register"], counts: "calls" },
  transaction: "required",
  audit: { action: "webhook-create", when: "always" },
  async run(ctx) {
    if (ctx.user.isBot) refuse("FORBIDDEN", "A bot cannot own bots.");
    const channel = await manageableChannel(ctx, ctx.payload.channel);
    if ((await ctx.tx.webhooks.listByChannel(channel.id)).length >= webhooksPerChannelMax)
      refuse("TOO_MANY_WEBHOOKS", `${channel.name} already has ${webhooksPerChannelMax} webhooks, the most allowed.`);
    const bot = await insertAccount(ctx, ctx.payload.name, "", false, ctx.user.id);
    const session = {
      id: ctx.deps.ids.newId(),
      userId: bot.id,
      // Never shown: the hook's URL is the credential, and the server acts as this session.
      tokenHash: hashToken(newSessionToken()),
      createdAt: ctx.now,
      expiresAt: new Date(ctx.now.getTime() + tokenMaxDays * DAY_MS),
      revokedAt: null,
      kind: "token",
      name: `incoming webhook of ${channel.name}`,
      scopes: "write",
    };
    await ctx.tx.sessions.insert(session);
    const membership = { channelId: channel.id, userId: bot.id, role: "member" as const, joinedAt: ctx.now };
    await ctx.tx.memberships.insert(membership);
    await markAllRead(ctx, channel, bot.id);
    await appendMessage(ctx, channel, { kind: "join", author: bot });
    await announceMember(ctx, channel, bot, membership);
    ctx.out.emit({ channel: channel.id }, "channel:updated", { channel: await publicChannelView(ctx.tx, channel) });
    const webhook = {
      id: ctx.deps.ids.newId(),
      channelId: channel.id,
      kind: "incoming" as const,
      url: null,
      secret: newSessionToken(),
      signed: ctx.payload.signed ?? false,
      botId: bot.id,
      sessionId: session.id,
      createdBy: ctx.user.id,
      createdAt: ctx.now,
    };
    await ctx.tx.webhooks.insert(webhook);
    await ctx.audit({ actor: ctx.user, channel, target: bot, detail: `incoming ${webhook.id}` });
    return {
      webhook: toWebhookInfo(webhook, channel, ctx.user, bot),
      url: incomingHookPath(webhook),
      secret: webhook.secret,
    };
  },
});
