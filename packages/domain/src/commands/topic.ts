import { channelCommand } from "../command";
import { appendMessage } from "../support/append-message";
import { channelView, publicChannelView } from "../support/views";

/** channel:topic — anyone who can see the channel reads the topic; operators set it. */
export const topic = channelCommand<"channel:topic">({
  access: (p) => (p.topic === undefined ? "viewer" : "operator"),
  rate: { spends: ["command"], counts: "calls" },
  transaction: "required",
  audit: { action: "topic", when: "changed" },
  channelOf: (p) => p.channel,
  async run(ctx, scope) {
    const { channel } = scope;
    const text = ctx.payload.topic?.trim();
    if (text !== undefined) {
      await ctx.tx.channels.update(channel.id, { topic: text });
      channel.topic = text;
      await appendMessage(ctx, channel, { kind: "topic", author: ctx.user, text });
      await ctx.audit({ actor: ctx.user, channel, detail: text });
      ctx.out.emit({ channel: channel.id }, "channel:updated", { channel: await publicChannelView(ctx.tx, channel) });
    }
    return { channel: await channelView(ctx.tx, channel, ctx.user.id) };
  },
});
