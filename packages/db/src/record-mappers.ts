import { channelRoleSchema, messageKindSchema, messageMetaSchema } from "@canaduck/contract";
import type { ChannelKind, ChannelRecord, LinePatch, MembershipRecord, MessageRecord } from "@canaduck/domain";
import type { Channel, Membership, Message, Prisma } from "@prisma/client";

/** Rows to domain records: the string columns that hold enumerations are checked on the way in. */
export const toChannelRecord = (row: Channel): ChannelRecord => ({
  id: row.id,
  name: row.name,
  nameKey: row.nameKey,
  kind: row.kind === "direct" ? "direct" : ("channel" satisfies ChannelKind),
  topic: row.topic,
  inviteOnly: row.inviteOnly,
  previewsOff: row.previewsOff,
  lastSeq: row.lastSeq,
  // memberCount stays out: it is read where counts are asked for (memberships.count), after any change.
  createdAt: row.createdAt,
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
  authorIsBot: record.authorIsBot,
  kind: record.kind,
  text: record.text,
  meta: JSON.stringify(record.meta),
  clientId: record.clientId,
  createdAt: record.createdAt,
  version: record.version,
  editedAt: record.editedAt,
  deletedAt: record.deletedAt,
  targetSeq: record.targetSeq,
  replyToSeq: record.replyToSeq,
});

/** A change to a line as the columns it writes (meta is stored as JSON). */
export const toLineUpdate = ({ meta, ...rest }: LinePatch): Prisma.MessageUpdateManyMutationInput => ({
  ...rest,
  ...(meta === undefined ? {} : { meta: JSON.stringify(meta) }),
});

export const toMessageRecord = (row: Message): MessageRecord => ({
  ...row,
  kind: messageKindSchema.parse(row.kind),
  meta: messageMetaSchema.parse(JSON.parse(row.meta)),
});
