import { channelCommand } from "../command";
import { appendMessage } from "../support/append-message";
import { requireUserByNick } from "../support/lookup";
import { removeMember, requireOutranks } from "../support/moderation";

/** channel:ban — keeps a user out (for a duration, or for good), removing them if present. */
export const ban = channelCommand<"channel:ban">({
  access: "operator",
  rate: { spends: ["command"], counts: "calls" },
  transaction: "required",
  audit: { action: "ban", when: "always" },
  channelOf: (p) => p.channel,
  async run(ctx, scope) {
    const { channel } = scope;
    const target = await requireUserByNick(ctx, ctx.payload.nick);
    const targetMembership = await ctx.tx.memberships.find(channel.id, target.id);
    requireOutranks(
      ctx.user,
      scope.membership,
      targetMembership ?? { ...memberStub(channel.id, target.id, ctx.now) },
      "ban",
    );
    const { durationSeconds } = ctx.payload;
    const reason = ctx.payload.reason ?? "";
    const expiresAt = durationSeconds === undefined ? null : new Date(ctx.now.getTime() + durationSeconds * 1000);
    await ctx.tx.bans.upsert({
      channelId: channel.id,
      userId: target.id,
      reason,
      bannedBy: ctx.user.id,
      createdAt: ctx.now,
      expiresAt,
    });
    await ctx.tx.invites.remove(channel.id, target.id);
    await appendMessage(ctx, channel, {
      kind: "ban",
      author: ctx.user,
      meta: {
        target: { id: target.id, name: target.name },
        expiresAt: expiresAt?.toISOString() ?? null,
        ...(reason ? { reason } : {}),
      },
    });
    if (targetMembership)
      await removeMember(ctx, channel, target, "ban", { by: ctx.user.name, message: reason, expiresAt });
    await ctx.audit({
      actor: ctx.user,
      channel,
      target,
      detail: [durationSeconds ? `${durationSeconds}s` : "permanent", reason].filter(Boolean).join(" "),
    });
    return { expiresAt: expiresAt?.toISOString() ?? null };
  },
});

/** A non-member is judged as a plain member: operators may ban them. */
const memberStub = (channelId: string, userId: string, joinedAt: Date) => ({
  channelId,
  userId,
  role: "member" as const,
  joinedAt,
});
