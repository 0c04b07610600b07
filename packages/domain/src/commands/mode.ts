import { channelCommand } from "../command";
import { actsFromOutside } from "../support/access-checks";
import { appendMessage } from "../support/append-message";
import { channelView, publicChannelView } from "../support/views";

/** channel:mode — +i makes the channel invite-only, -i opens it (operators). */
export const mode = channelCommand<"channel:mode">({
  access: "operator",
  rate: "unlimited",
  transaction: "required",
  audit: { action: "mode", when: "changed" },
  channelOf: (p) => p.channel,
  async run(ctx, scope) {
    const { channel } = scope;
    const { inviteOnly } = ctx.payload;
    if (channel.inviteOnly !== inviteOnly) {
      await ctx.tx.channels.update(channel.id, { inviteOnly });
      channel.inviteOnly = inviteOnly;
      await appendMessage(ctx, channel, { kind: "mode", author: ctx.user, meta: { inviteOnly } });
      await ctx.audit({ actor: ctx.user, channel, detail: inviteOnly ? "+i" : "-i" });
      ctx.out.emit({ channel: channel.id }, "channel:updated", { channel: await publicChannelView(ctx.tx, channel) });
    } else if (actsFromOutside(scope)) {
      await ctx.audit({ actor: ctx.user, channel, detail: `${inviteOnly ? "+i" : "-i"} unchanged` });
    }
    return { channel: await channelView(ctx.tx, channel, ctx.user.id) };
  },
});
