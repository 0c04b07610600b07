import { channelCommand } from "../command";
import { refuse } from "../domain-error";
import type { ChannelRecord } from "../records";
import { actsFromOutside } from "../support/access-checks";
import { appendMessage } from "../support/append-message";
import { channelView, publicChannelView } from "../support/views";

/**
 * channel:mode — +i makes the channel invite-only, -i opens it; -previews turns its link
 * previews off, +previews on (operators). Each change is a mode line of the log.
 */
export const mode = channelCommand<"channel:mode">({
  access: "operator",
  rate: { spends: ["command"], counts: "calls" },
  transaction: "required",
  audit: { action: "mode", when: "changed" },
  channelOf: (p) => p.channel,
  async run(ctx, scope) {
    const { channel } = scope;
    const { inviteOnly, previews } = ctx.payload;
    if (inviteOnly === undefined && previews === undefined)
      refuse("INVALID_PAYLOAD", "Say which mode to change: inviteOnly or previews.");
    const changes: Array<{ patch: Partial<ChannelRecord>; meta: { inviteOnly: boolean } | { previews: boolean } }> = [];
    if (inviteOnly !== undefined && channel.inviteOnly !== inviteOnly)
      changes.push({ patch: { inviteOnly }, meta: { inviteOnly } });
    if (previews !== undefined && channel.previewsOff === previews)
      changes.push({ patch: { previewsOff: !previews }, meta: { previews } });
    const detail = [
      ...(inviteOnly === undefined ? [] : [inviteOnly ? "+i" : "-i"]),
      ...(previews === undefined ? [] : [previews ? "+previews" : "-previews"]),
    ].join(" ");
    for (const change of changes) {
      await ctx.tx.channels.update(channel.id, change.patch);
      Object.assign(channel, change.patch);
      await appendMessage(ctx, channel, { kind: "mode", author: ctx.user, meta: change.meta });
    }
    if (changes.length > 0) {
      await ctx.audit({ actor: ctx.user, channel, detail });
      ctx.out.emit({ channel: channel.id }, "channel:updated", { channel: await publicChannelView(ctx.tx, channel) });
    } else if (actsFromOutside(scope)) {
      await ctx.audit({ actor: ctx.user, channel, detail: `${detail} unchanged` });
    }
    return { channel: await channelView(ctx.tx, channel, ctx.user.id) };
  },
});
