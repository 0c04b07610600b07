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

export const toMessageRecord = (row: Message): MessageRecord => ({
  ...row,
  kind: messageKindSchema.parse(row.kind),
  meta: messageMetaSchema.parse(JSON.parse(row.meta)),
});
