import { isChannelName, isSaid } from "@canaduck/contract";
import { targetCommand } from "../command";
import { refuse } from "../domain-error";
import { appendMessage } from "../support/append-message";
import { attachmentOf, claimUpload } from "../support/attachments";
import { reopenForNewLine } from "../support/closed-directs";
import { openDirect } from "../support/direct";
import { refuseDeleted, requireLine } from "../support/log-lines";
import { currentState, replySummary } from "../support/log-page";
import { requireUserByNick } from "../support/lookup";
import { sentLine } from "../support/message-record";
import { toMessage } from "../support/views";

/**
 * message:send — to a channel the actor is in, or to a nick as a direct message. A retry
 * with the same clientId returns the message stored the first time instead of a copy. A reply
 * names a said line of the same conversation, which must still be there. An attachment shares
 * the sender's upload (the upload routes send it): the line carries the file's description, and
 * the file is served to the conversation's members from then on.
 */
export const sendMessage = targetCommand<"message:send">({
  access: "member",
  rate: { spends: ["send"], counts: "calls" },
  transaction: "required",
  audit: "none",
  channelOf: (p) => (isChannelName(p.target) ? p.target : undefined),
  async run(ctx, scope) {
    const { clientId, replyTo, attachment } = ctx.payload;
    if (clientId !== undefined) {
      const earlier = await ctx.tx.messages.findByClientId(ctx.user.id, clientId);
      if (earlier) {
        const [message] = await currentState(ctx.tx, [earlier], ctx.user.id);
        return { message: message ?? toMessage(earlier) };
      }
    }
    const channel =
      scope?.channel ?? (await openDirect(ctx, ctx.user, await requireUserByNick(ctx, ctx.payload.target)));
    let extras = {};
    if (replyTo !== undefined) {
      const { line } = await requireLine(ctx, channel, replyTo);
      if (!isSaid(line)) refuse("NO_SUCH_MESSAGE", `Line ${replyTo} is not something said; reply to a said line.`);
      if (line.deletedAt !== null) refuseDeleted(replyTo);
      extras = { replyTo: replySummary(replyTo, line) };
    }
    const file = attachment === undefined ? null : await claimUpload(ctx, attachment);
    const line = sentLine(ctx.user, ctx.payload);
    if (file) line.meta = { attachment: attachmentOf(file) };
    await reopenForNewLine(ctx, channel);
    const record = await appendMessage(ctx, channel, line, extras);
    if (file) await ctx.tx.files.attach(file.id, channel.id, record.seq);
    return { message: toMessage(record, extras) };
  },
});
