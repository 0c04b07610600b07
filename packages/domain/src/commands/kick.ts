import { channelCommand } from "../command";
import { appendMessage } from "../support/append-message";
import { audit } from "../support/audit";
import { requireMembership, requireUserByNick } from "../support/lookup";
import { removeMember, requireOutranks } from "../support/moderation";

/** channel:kick — the target sees the kick line, then stops receiving the channel at once. */
export const kick = channelCommand<"channel:kick">({
  access: "operator",
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
    await removeMember(ctx, channel, target, "kick");
    await audit(ctx, { action: "kick", actor: ctx.user, channel, target, detail: reason });
    return {};
  },
});
