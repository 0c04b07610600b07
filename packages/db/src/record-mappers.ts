import { channelRoleSchema, messageKindSchema, messageMetaSchema } from "@canaduck/contract";
import type { ChannelKind, ChannelRecord, MembershipRecord, MessageRecord } from "@canaduck/domain";
import type { Channel, Membership, Message } from "@prisma/client";

/** Rows to domain records: the string columns that hold enumerations are checked on the way in. */
export const toChannelRecord = (row: Channel): ChannelRecord => ({
  ...row,
  kind: row.kind === "direct" ? "direct" : ("channel" satisfies ChannelKind),
});

export const toMembershipRecord = (row: Membership): MembershipRecord => ({
  ...row,
  role: channelRoleSchema.parse(row.role),
});

/** A message record as its row: what both the typed insert and the raw batch insert write. */
export const toMessageRow = (record: MessageRecord): Message => ({
  id: record.id,
  channelId: record.channelId,
  seq: record.seq,
  authorId: record.authorId,
  authorName: record.authorName,
  kind: record.kind,
  text: record.text,
  meta: JSON.stringify(record.meta),
  clientId: record.clientId,
  createdAt: record.createdAt,
});

export const toMessageRecord = (row: Message): MessageRecord => ({
  ...row,
  kind: messageKindSchema.parse(row.kind),
  meta: messageMetaSchema.parse(JSON.parse(row.meta)),
});
