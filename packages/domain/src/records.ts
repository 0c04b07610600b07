import type { ChannelRole, MessageKind, MessageMeta } from "@canaduck/contract";

/** What the domain reads and writes through its repositories: plain data, no ORM types. */
export interface UserRecord {
  id: string;
  name: string;
  nameKey: string;
  passwordHash: string;
  isAdmin: boolean;
  createdAt: Date;
  /** Set while the account is suspended: it cannot log in, and its sessions were ended. */
  suspendedAt: Date | null;
  suspendReason: string | null;
}

/** What an operator or an admin may change of an account besides its name. */
export type UserPatch = Partial<Pick<UserRecord, "passwordHash" | "isAdmin" | "suspendedAt" | "suspendReason">>;

export interface SessionRecord {
  id: string;
  userId: string;
  tokenHash: string;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

export type ChannelKind = "channel" | "direct";

export interface ChannelRecord {
  id: string;
  name: string;
  nameKey: string;
  kind: ChannelKind;
  topic: string;
  inviteOnly: boolean;
  lastSeq: number;
  createdAt: Date;
}

export interface MembershipRecord {
  channelId: string;
  userId: string;
  role: ChannelRole;
  joinedAt: Date;
}

export interface BanRecord {
  channelId: string;
  userId: string;
  reason: string;
  bannedBy: string;
  createdAt: Date;
  expiresAt: Date | null;
}

export interface InviteRecord {
  channelId: string;
  userId: string;
  invitedBy: string;
  createdAt: Date;
}

export interface MessageRecord {
  id: string;
  channelId: string;
  seq: number;
  authorId: string | null;
  authorName: string | null;
  kind: MessageKind;
  text: string;
  meta: MessageMeta;
  clientId: string | null;
  createdAt: Date;
}

export interface AuditRecord {
  id: number;
  action: string;
  actorName: string | null;
  channelName: string | null;
  targetName: string | null;
  detail: string;
  createdAt: Date;
}
