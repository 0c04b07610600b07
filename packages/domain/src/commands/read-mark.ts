import { targetCommand } from "../command";
import { channelTarget, conversationOf } from "../support/log-lines";
import { countUnread } from "../support/read-state";

/**
 * read:mark — moves the actor's read marker forward (never back, never past the end) and
 * tells all their connections, so every device shows the same unread counts.
 */
export const readMark = targetCommand<"read:mark">({
  access: "member",
  // Its own budget: a client marks as lines arrive in the channel in view, and reading a busy
  // channel must never use up what the user may say.
  rate: { spends: ["mark"], counts: "calls" },
  transaction: "required",
  audit: "none",
  channelOf: channelTarget,
  async run(ctx, scope) {
    const channel = await conversationOf(ctx, scope);
    if (channel === null) return { readSeq: 0 };
    const marker = await ctx.tx.readMarkers.find(ctx.user.id, channel.id);
    const held = Math.min(marker?.seq ?? 0, channel.lastSeq);
    const readSeq = Math.max(held, Math.min(ctx.payload.seq, channel.lastSeq));
    if (marker !== null && readSeq === marker.seq) return { readSeq };
    await ctx.tx.readMarkers.upsert({ userId: ctx.user.id, channelId: channel.id, seq: readSeq, updatedAt: ctx.now });
    const counts = await countUnread(ctx.tx, channel.id, readSeq, channel.lastSeq, ctx.user);
    ctx.out.emit({ user: ctx.user.id }, "read:marked", {
      channelId: channel.id,
      readSeq,
      ...counts,
      lastSeq: channel.lastSeq,
    });
    return { readSeq };
  },
});
