import { channelCommand } from "../command";
import { refuse } from "../domain-error";
import { appendMessage } from "../support/append-message";
import { activeBan, requireUserByNick } from "../support/lookup";

/** channel:unban — lifts a ban; the user may join again. */
export const unban = channelCommand<"channel:unban">({
  access: "operator",
  rate: { spends: ["command"], counts: "calls" },
  transaction: "required",
  audit: { action: "unban", when: "always" },
  channelOf: (p) => p.channel,
  async run(ctx, scope) {
    const { channel } = scope;
    const target = await requireUserByNick(ctx, ctx.payload.nick);
    if ((await activeBan(ctx, channel.id, target.id)) === null)
      refuse("NOT_BANNED", `${target.name} is not banned from ${channel.name}.`);
    await ctx.tx.bans.remove(channel.id, target.id);
    await appendMessage(ctx, channel, {
      kind: "unban",
      author: ctx.user,
      meta: { target: { id: target.id, name: target.name } },
    });
    await ctx.audit({ actor: ctx.user, channel, target });
    return {};
  },
});
