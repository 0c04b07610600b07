import type { Runtime } from "../command";
import type { ChannelRecord, MessageRecord } from "../records";
import { messageRecord, type NewLine } from "./message-record";
import { toMessage, type LineExtras } from "./views";

/**
 * Stores a line in a channel with the next sequence number (in the caller's transaction)
 * and queues message:new to the channel's members.
 */
export async function appendMessage(
  ctx: Runtime,
  channel: ChannelRecord,
  line: NewLine,
  /** What the announced line carries beyond its row (a reply's summary of its target). */
  extras: LineExtras = {},
): Promise<MessageRecord> {
  const seq = await ctx.tx.channels.allocateSeq(channel.id);
  channel.lastSeq = seq;
  const record = messageRecord(line, { id: ctx.deps.ids.newId(), channelId: channel.id, seq, at: ctx.now });
  await ctx.tx.messages.insert(record);
  ctx.out.emit({ channel: channel.id }, "message:new", toMessage(record, extras));
  return record;
}
