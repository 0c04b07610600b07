import { channelCommand } from "../command";
import { refuse } from "../domain-error";
import { actsFromOutside } from "../support/access-checks";
import { appendMessage } from "../support/append-message";
import { requireMembership, requireUserByNick } from "../support/lookup";
import { requireOutranks } from "../support/moderation";
import { toMemberView } from "../support/views";
import { announceMember } from "../support/member-change";

/** channel:deop — makes an operator a plain member; the owner cannot be deopped. */
export const deop = channelCommand<"channel:deop">({
  access: "operator",
  rate: { spends: ["command"], counts: "calls" },
  transaction: "required",
  audit: { action: "deop", when: "changed" },
  channelOf: (p) => p.channel,
  async run(ctx, scope) {
    const { channel, membership: own } = scope;
    const target = await requireUserByNick(ctx, ctx.payload.nick);
    const membership = await requireMembership(ctx, channel, target);
    if (membership.role === "owner") refuse("FORBIDDEN", `${target.name} owns ${channel.name} and cannot be deopped.`);
    // Deopping yourself is stepping down, always allowed; deopping another needs a higher role.
    if (target.id !== ctx.user.id && membership.role === "operator") requireOutranks(ctx.user, own, membership, "deop");
    if (membership.role === "operator") {
      await ctx.tx.memberships.setRole(channel.id, target.id, "member");
      membership.role = "member";
      await appendMessage(ctx, channel, {
        kind: "deop",
        author: ctx.user,
        meta: { target: { id: target.id, name: target.name } },
      });
      await announceMember(ctx, channel, target, membership);
      await ctx.audit({ actor: ctx.user, channel, target });
    } else if (actsFromOutside(scope)) {
      await ctx.audit({ actor: ctx.user, channel, target, detail: "unchanged" });
    }
    const online = (await ctx.deps.presence.onlineAmong([target.id])).has(target.id);
    return { member: toMemberView(membership, target, online) };
  },
});
