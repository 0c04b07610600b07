import { channelCommand } from "../command";
import { roleRank } from "../access";
import { toMemberView } from "../support/views";

/** channel:who — members with roles and online state, owners and operators first. */
export const who = channelCommand<"channel:who">({
  access: "viewer",
  rate: { spends: ["read"], counts: "calls" },
  transaction: "none",
  audit: "none",
  channelOf: (p) => p.channel,
  async run(ctx, { channel }) {
    const members = await ctx.tx.memberships.listMembers(channel.id);
    const online = await ctx.deps.presence.onlineAmong(members.map((m) => m.user.id));
    return {
      // Read before the list, so the list is at least this new (see channel:member).
      asOf: channel.lastSeq,
      members: members
        .map(({ membership, user }) => toMemberView(membership, user, online.has(user.id)))
        .sort((a, b) => roleRank(b.role) - roleRank(a.role) || a.name.localeCompare(b.name)),
    };
  },
});
