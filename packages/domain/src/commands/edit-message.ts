import { isSaid } from "@canaduck/contract";
import { targetCommand } from "../command";
import { refuse } from "../domain-error";
import { currentState } from "../support/log-page";
import { channelTarget, conversationOf, refuseDeleted, requireLine, writeChange } from "../support/log-lines";

/**
 * message:edit — the author changes the text of their own text or /me line. The edit is an
 * entry of the log (so a client that was away gets it by reading after its cursor); the line's
 * row holds the new text, so a fresh page shows the line as it is now.
 */
export const editMessage = targetCommand<"message:edit">({
  access: "member",
  // Each edit is a line's worth of writing: it spends what a send does.
  rate: { spends: ["send"], counts: "calls" },
  transaction: "required",
  audit: "none",
  channelOf: channelTarget,
  async run(ctx, scope) {
    const { seq, text } = ctx.payload;
    const { channel, line } = await requireLine(ctx, await conversationOf(ctx, scope), seq, true);
    if (line.authorId !== ctx.user.id) refuse("FORBIDDEN", "Only its author can edit a line.");
    if (line.deletedAt !== null) refuseDeleted(seq);
    if (!isSaid(line)) refuse("NOT_EDITABLE", "Only said text and /me lines can be edited.");
    const window = ctx.deps.config.editWindowMs;
    if (window !== undefined && ctx.now.getTime() - line.createdAt.getTime() > window) {
      refuse("NOT_EDITABLE", `Line ${seq} is too old to edit.`);
    }
    const edited = await writeChange(ctx, ctx.user, channel, line, { kind: "edit", text }, { text, editedAt: ctx.now });
    const [message] = await currentState(ctx.tx, [edited.line], ctx.user.id);
    if (message === undefined) throw new Error("an edited line vanished");
    return { message };
  },
});
