import { isSaid, limits } from "@canaduck/contract";
import { targetCommand } from "../command";
import { refuse } from "../domain-error";
import { channelTarget, conversationOf, refuseDeleted, requireLine, writeChange } from "../support/log-lines";

/** message:react — one emoji (the contract checks it is exactly one) on a said line, once per user. */
export const reactMessage = targetCommand<"message:react">({
  access: "member",
  rate: { spends: ["send"], counts: "calls" },
  transaction: "required",
  audit: "none",
  channelOf: channelTarget,
  async run(ctx, scope) {
    const { seq, emoji } = ctx.payload;
    const { channel, line } = await requireLine(ctx, await conversationOf(ctx, scope), seq, true);
    if (!isSaid(line)) refuse("NOT_EDITABLE", "Only said text and /me lines take reactions.");
    if (line.deletedAt !== null) refuseDeleted(seq);
    if (await ctx.tx.reactions.find(channel.id, seq, ctx.user.id, emoji)) {
      refuse("ALREADY_REACTED", `You already reacted with ${emoji}.`);
    }
    const emojis = new Set((await ctx.tx.reactions.listFor([channel.id], [seq])).map((r) => r.emoji));
    if (!emojis.has(emoji) && emojis.size >= limits.reactionsPerMessageMax) {
      refuse("TOO_MANY_REACTIONS", `A line carries at most ${limits.reactionsPerMessageMax} different emoji.`);
    }
    const { entry } = await writeChange(ctx, ctx.user, channel, line, { kind: "react", emoji }, {});
    await ctx.tx.reactions.insert({
      channelId: channel.id,
      targetSeq: seq,
      userId: ctx.user.id,
      emoji,
      seq: entry.seq,
      createdAt: ctx.now,
    });
    return {};
  },
});
