import { channelCommand } from "../command";
import { appendMessage } from "../support/append-message";
import { requireMembership, requireUserByNick } from "../support/lookup";
import { removeMember, requireOutranks } from "../support/moderation";

/** channel:kick — the target sees the kick line, then stops receiving the channel at once. */
export const kick = channelCommand<"channel:kick">({
  access: "operator",
  rate: { spends: ["command"], counts: "calls" },
  transaction: "required",
  audit: { action: "kick", when: "always" },
  channelOf: (p) => p.channel,
  async run(ctx, scope) {
    const { channel } = scope;
    const target = await requireUserByNick(ctx, ctx.payload.nick);
    const targetMembership = await requireMembership(ctx, channel, target);
    requireOutranks(ctx.user, scope.membership, targetMembership, "kick");
    const reason = ctx.payload.reason ?? "";
    await appendMessage(ctx, channel, {
      kind: "kick",
      author: ctx.user,
      meta: { target: { id: target.id, name: target.name }, ...(reason ? { reason } : {}) },
    });
    await removeMember(ctx, channel, target, "kick", { by: ctx.user.name, message: reason });
    await ctx.audit({ actor: ctx.user, channel, target, detail: reason });
    return {};
  },
});
