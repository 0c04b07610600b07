import { channelCommand } from "../command";
import { refuse } from "../domain-error";
import { activeBan, requireUserByNick } from "../support/lookup";

/** channel:invite — lets a user join an invite-only channel once (operators). */
export const invite = channelCommand<"channel:invite">({
  access: "operator",
  rate: { spends: ["command"], counts: "calls" },
  transaction: "required",
  audit: { action: "invite", when: "always" },
  channelOf: (p) => p.channel,
  async run(ctx, scope) {
    const { channel } = scope;
    const target = await requireUserByNick(ctx, ctx.payload.nick);
    if (await ctx.tx.memberships.find(channel.id, target.id)) {
      refuse("ALREADY_A_MEMBER", `${target.name} is already in ${channel.name}.`);
    }
    if (await activeBan(ctx, channel.id, target.id))
      refuse("BANNED", `${target.name} is banned from ${channel.name}; unban first.`);
    await ctx.tx.invites.upsert({
      channelId: channel.id,
      userId: target.id,
      invitedBy: ctx.user.id,
      createdAt: ctx.now,
    });
    await ctx.audit({ actor: ctx.user, channel, target });
    ctx.out.emit({ user: target.id }, "channel:invited", { channel: channel.name, by: ctx.user.name });
    return {};
  },
});
