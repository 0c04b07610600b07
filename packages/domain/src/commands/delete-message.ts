import { isSaid } from "@canaduck/contract";
import { meetsRole } from "../access";
import { targetCommand } from "../command";
import { refuse } from "../domain-error";
import { channelTarget, conversationOf, refuseDeleted, requireLine, writeChange } from "../support/log-lines";

/**
 * message:delete — the author deletes their own said line; a channel's operators and owner any
 * line of it, admins any line anywhere. The text is erased, not hidden: the line's row and the
 * text of its edit entries are blanked, its reactions removed and its shared file deleted, leaving a tombstone. A
 * deletion by anyone but the author is a moderator's act, so it is audited.
 */
export const deleteMessage = targetCommand<"message:delete">({
  access: "memberOrAdmin",
  rate: { spends: ["send"], counts: "calls" },
  transaction: "required",
  audit: { action: "message.delete", when: "changed" },
  channelOf: channelTarget,
  async run(ctx, scope) {
    const { seq } = ctx.payload;
    const { channel, line } = await requireLine(ctx, await conversationOf(ctx, scope), seq, true);
    if (line.deletedAt !== null) refuseDeleted(seq);
    const own = line.authorId === ctx.user.id;
    const moderates = scope
      ? meetsRole(scope.membership?.role ?? null, ctx.user.isAdmin, "operator")
      : ctx.user.isAdmin;
    // System lines (joins, kicks, topics) are the channel's record: only its moderators remove them.
    if (!moderates && !(own && isSaid(line))) {
      refuse("FORBIDDEN", own ? "Only operators can delete that line." : "You can delete only your own lines.");
    }
    await writeChange(
      ctx,
      ctx.user,
      channel,
      line,
      { kind: "delete" },
      { text: "", meta: {}, deletedAt: ctx.now, editedAt: null },
    );
    // Its files go with the line (a shared file, a preview's image): no longer served now, their
    // bytes removed once this commits.
    for (const fileId of [line.meta.attachment?.fileId, line.meta.preview?.image?.fileId]) {
      if (fileId === undefined) continue;
      await ctx.tx.files.markDeleted(fileId, ctx.now);
      ctx.out.push({ type: "discard-file", fileId });
    }
    await ctx.tx.messages.eraseEdits(channel.id, seq);
    await ctx.tx.reactions.removeAll(channel.id, seq);
    if (!own) {
      await ctx.audit({
        actor: ctx.user,
        channel,
        target: { name: line.authorName ?? "server" },
        detail: `seq ${seq}`,
      });
    }
    return {};
  },
});
