import { userCommand } from "../command";

/**
 * user:away — sets the away message (or clears it when none is given). Everyone sharing a
 * conversation with the user, and the user's other devices, hear of a change (user:away), which
 * is what the IRC gateway turns into away-notify; /whois and member lists show it too.
 */
export const away = userCommand<"user:away">({
  access: "user",
  rate: { spends: ["command"], counts: "calls" },
  transaction: "required",
  audit: "none",
  async run(ctx) {
    const message = ctx.payload.message?.trim() ?? "";
    const awayMessage = message === "" ? null : message;
    if (awayMessage !== ctx.user.awayMessage) {
      await ctx.tx.users.update(ctx.user.id, { awayMessage });
      const joined = await ctx.tx.memberships.listChannelsOf(ctx.user.id);
      const user = { id: ctx.user.id, name: ctx.user.name };
      ctx.out.emit({ channels: joined.map(({ channel }) => channel.id), users: [ctx.user.id] }, "user:away", {
        user,
        away: awayMessage,
      });
    }
    return { away: awayMessage };
  },
});
