import { channelCommand } from "../command";
import { appendMessage } from "../support/append-message";
import { publicChannelView } from "../support/views";
import { announceMember } from "../support/member-change";

/** channel:part — the parter sees their own part line, then stops receiving the channel. */
export const part = channelCommand<"channel:part">({
  access: "member",
  rate: { spends: ["command"], counts: "calls" },
  transaction: "required",
  audit: "none",
  channelOf: (p) => p.channel,
  async run(ctx, scope) {
    const { channel } = scope;
    const reason = ctx.payload.reason ?? "";
    await appendMessage(ctx, channel, { kind: "part", author: ctx.user, meta: reason ? { reason } : {} });
    await ctx.tx.memberships.remove(channel.id, ctx.user.id);
    await announceMember(ctx, channel, ctx.user, null);
    ctx.out.push({ type: "unsubscribe", user: ctx.user.id, channel: channel.id });
    ctx.out.emit({ user: ctx.user.id }, "channel:left", { channelId: channel.id, name: channel.name, reason: "part" });
    ctx.out.emit({ channel: channel.id }, "channel:updated", { channel: await publicChannelView(ctx.tx, channel) });
    return {};
  },
});
