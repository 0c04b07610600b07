import { channelCommand } from "../command";
import { actsFromOutside } from "../support/access-checks";

/** channel:bans — the bans still in force, newest first: who, by whom, why, until when. */
export const bans = channelCommand<"channel:bans">({
  // Who is banned and why is moderators' business, as the audit log is.
  access: "operator",
  rate: { spends: ["read"], counts: "calls" },
  // A transaction only for the audit entry of an admin reading an invite-only channel from outside.
  transaction: "required",
  audit: { action: "bans.read", when: "changed" },
  channelOf: (p) => p.channel,
  async run(ctx, scope) {
    const { channel } = scope;
    if (actsFromOutside(scope)) await ctx.audit({ actor: ctx.user, channel, detail: "ban list read" });
    const live = (await ctx.tx.bans.listByChannel(channel.id))
      .filter((ban) => ban.expiresAt === null || ban.expiresAt.getTime() > ctx.now.getTime())
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
    const users = new Map(
      (await ctx.tx.users.findByIds([...new Set(live.flatMap((b) => [b.userId, b.bannedBy]))])).map((u) => [u.id, u]),
    );
    return {
      bans: live.flatMap((ban) => {
        const user = users.get(ban.userId);
        if (user === undefined) return [];
        return [
          {
            nick: user.name,
            by: users.get(ban.bannedBy)?.name ?? null,
            reason: ban.reason,
            createdAt: ban.createdAt.toISOString(),
            expiresAt: ban.expiresAt?.toISOString() ?? null,
          },
        ];
      }),
    };
  },
});
