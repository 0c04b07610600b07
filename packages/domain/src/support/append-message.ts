import type { MessageKind, MessageMeta } from "@canaduck/contract";
import type { Runtime } from "../command";
import type { ChannelRecord, MessageRecord, UserRecord } from "../records";
import { toMessage } from "./views";

interface NewLine {
  kind: MessageKind;
  author: UserRecord | null;
  text?: string;
  meta?: MessageMeta;
  clientId?: string;
}

/**
 * Stores a line in a channel with the next sequence number (in the caller's transaction)
 * and queues message:new to the channel's members.
 */
export async function appendMessage(
  ctx: Runtime,
  channel: ChannelRecord,
  line: NewLine,
): Promise<MessageRecord> {
  const seq = await ctx.tx.channels.allocateSeq(channel.id);
  channel.lastSeq = seq;
  const record: MessageRecord = {
    id: ctx.deps.ids.newId(),
    channelId: channel.id,
    seq,
    authorId: line.author?.id ?? null,
    authorName: line.author?.name ?? null,
    kind: line.kind,
    text: line.text ?? "",
    meta: line.meta ?? {},
    clientId: line.clientId ?? null,
    createdAt: ctx.now,
  };
  await ctx.tx.messages.insert(record);
  ctx.out.emit({ channel: channel.id }, "message:new", toMessage(record));
  return record;
}
