import { targetCommand } from "../command";
import { refuse } from "../domain-error";
import { channelTarget, conversationOf, refuseDeleted, requireLine, writeChange } from "../support/log-lines";

/** message:unreact — takes the actor's own reaction with that emoji back. */
export const unreactMessage = targetCommand<"message:unreact">({
  access: "member",
  rate: { spends: ["send"], counts: "calls" },
  transaction: "required",
  audit: "none",
  channelOf: channelTarget,
  async run(ctx, scope) {
    const { seq, emoji } = ctx.payload;
    const { channel, line } = await requireLine(ctx, await conversationOf(ctx, scope), seq, true);
    if (line.deletedAt !== null) refuseDeleted(seq);
    if (!(await ctx.tx.reactions.find(channel.id, seq, ctx.user.id, emoji))) {
      refuse("NOT_REACTED", `You have not reacted with ${emoji}.`);
    }
    await writeChange(ctx, ctx.user, channel, line, { kind: "unreact", emoji }, {});
    await ctx.tx.reactions.remove(channel.id, seq, ctx.user.id, emoji);
    return {};
  },
});
