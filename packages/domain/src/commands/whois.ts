import { userCommand } from "../command";
import { requireUserByNick } from "../support/lookup";
import { toUserView } from "../support/views";

/**
 * user:whois — what anyone logged in may learn of a user. The channels listed are only those the
 * asker is in too, so it never reveals an invite-only channel the asker cannot see.
 */
export const whois = userCommand<"user:whois">({
  access: "user",
  rate: { spends: ["read"], counts: "calls" },
  transaction: "none",
  audit: "none",
  async run(ctx) {
    const user = await requireUserByNick(ctx, ctx.payload.nick);
    const [mine, theirs, online, lastSaid] = await Promise.all([
      ctx.tx.memberships.listChannelsOf(ctx.user.id),
      ctx.tx.memberships.listChannelsOf(user.id),
      ctx.deps.presence.onlineAmong([user.id]),
      ctx.tx.messages.lastSaidAt(user.id),
    ]);
    const askerIn = new Set(mine.map(({ channel }) => channel.id));
    const channelsInCommon = theirs
      .filter(({ channel }) => channel.kind === "channel" && askerIn.has(channel.id))
      .map(({ channel }) => channel.name)
      .sort((a, b) => a.localeCompare(b));
    const idleSeconds =
      lastSaid === null ? null : Math.max(0, Math.floor((ctx.now.getTime() - lastSaid.getTime()) / 1000));
    return {
      user: toUserView(user),
      online: online.has(user.id),
      away: user.awayMessage,
      idleSeconds,
      channelsInCommon,
    };
  },
});
