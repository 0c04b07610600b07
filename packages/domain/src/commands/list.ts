import { userCommand } from "../command";

/** channel:list — public channels, plus invite-only ones the actor is in (all of them for admins). */
export const list = userCommand<"channel:list">({
  access: "user",
  rate: { spends: ["read"], counts: "calls" },
  transaction: "none",
  audit: "none",
  async run(ctx) {
    const all = await ctx.tx.channels.listWithCounts();
    const mine = new Set((await ctx.tx.memberships.listChannelsOf(ctx.user.id)).map(({ channel }) => channel.id));
    const visible = all.filter(({ channel }) => !channel.inviteOnly || ctx.user.isAdmin || mine.has(channel.id));
    return {
      channels: visible
        .map(({ channel, memberCount }) => ({
          name: channel.name,
          topic: channel.topic,
          memberCount,
          inviteOnly: channel.inviteOnly,
        }))
        .sort((a, b) => b.memberCount - a.memberCount || a.name.localeCompare(b.name)),
    };
  },
});
