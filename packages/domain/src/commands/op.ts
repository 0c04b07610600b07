import { channelCommand } from "../command";
import { actsFromOutside } from "../support/access-checks";
import { appendMessage } from "../support/append-message";
import { requireMembership, requireUserByNick } from "../support/lookup";
import { toMemberView } from "../support/views";
import { announceMember } from "../support/member-change";

/** channel:op — makes a member an operator (operators); an owner stays owner. */
export const op = channelCommand<"channel:op">({
  access: "operator",
  rate: { spends: ["command"], counts: "calls" },
  transaction: "required",
  audit: { action: "op", when: "changed" },
  channelOf: (p) => p.channel,
  async run(ctx, scope) {
    const { channel } = scope;
    const target = await requireUserByNick(ctx, ctx.payload.nick);
    const membership = await requireMembership(ctx, channel, target);
    if (membership.role !== "member") {
      if (actsFromOutside(scope)) await ctx.audit({ actor: ctx.user, channel, target, detail: "unchanged" });
    } else {
      await ctx.tx.memberships.setRole(channel.id, target.id, "operator");
      membership.role = "operator";
      await appendMessage(ctx, channel, {
        kind: "op",
        author: ctx.user,
        meta: { target: { id: target.id, name: target.name } },
      });
      await announceMember(ctx, channel, target, membership);
      await ctx.audit({ actor: ctx.user, channel, target });
    }
    const online = (await ctx.deps.presence.onlineAmong([target.id])).has(target.id);
    return { member: toMemberView(membership, target, online) };
  },
});
