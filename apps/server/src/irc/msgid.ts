/**
 * An IRC msgid names a log entry: its conversation and seq. Only the seq is read back (REDACT,
 * +draft/reply, chathistory's msgid= selectors all come with their target).
 */
export const msgidOf = (message: { channelId: string; seq: number }): string => `${message.channelId}.${message.seq}`;

/** The seq a msgid names, or null when it is not one of ours. */
export function seqOfMsgid(msgid: string): number | null {
  const seq = Number(msgid.slice(msgid.lastIndexOf(".") + 1));
  return Number.isSafeInteger(seq) && seq > 0 ? seq : null;
}
