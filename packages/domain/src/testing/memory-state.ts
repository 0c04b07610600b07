import type {
  AuditRecord,
  BanRecord,
  ChannelRecord,
  IgnoreRecord,
  FileRecord,
  InviteRecord,
  MembershipRecord,
  MessageRecord,
  ReactionRecord,
  ReadMarkerRecord,
  SettingsRecord,
  SessionRecord,
  UserRecord,
  WebhookDeliveryRecord,
  WebhookRecord,
} from "../records";

/** Everything an in-memory store holds: one map per table, keyed as the database keys them. */
export interface MemoryState {
  users: Map<string, UserRecord>;
  sessions: Map<string, SessionRecord>;
  channels: Map<string, ChannelRecord>;
  /** Memberships, bans and invites are keyed by `pairKey(channelId, userId)`. */
  memberships: Map<string, MembershipRecord>;
  bans: Map<string, BanRecord>;
  invites: Map<string, InviteRecord>;
  messages: Map<string, MessageRecord>;
  /** Keyed `channelId targetSeq userId emoji`, the database's unique key. */
  reactions: Map<string, ReactionRecord>;
  /** Keyed by `pairKey(channelId, userId)`. */
  readMarkers: Map<string, ReadMarkerRecord>;
  /** Keyed by user id. */
  settings: Map<string, SettingsRecord>;
  audit: AuditRecord[];
  /** Keyed by `pairKey(userId, ignoredId)`. */
  ignores: Map<string, IgnoreRecord>;
  files: Map<string, FileRecord>;
  webhooks: Map<string, WebhookRecord>;
  webhookDeliveries: Map<string, WebhookDeliveryRecord>;
}

export const emptyState = (): MemoryState => ({
  users: new Map(),
  sessions: new Map(),
  channels: new Map(),
  memberships: new Map(),
  bans: new Map(),
  invites: new Map(),
  messages: new Map(),
  reactions: new Map(),
  readMarkers: new Map(),
  settings: new Map(),
  audit: [],
  ignores: new Map(),
  files: new Map(),
  webhooks: new Map(),
  webhookDeliveries: new Map(),
});

export const pairKey = (channelId: string, userId: string): string => `${channelId}\u0000${userId}`;

/** A deep copy: a transaction works on one, and records leave the store only as copies. */
export const copy = <T>(value: T): T => structuredClone(value);

export const reactionKey = (channelId: string, targetSeq: number, userId: string, emoji: string): string =>
  [channelId, String(targetSeq), userId, emoji].join("\u0000");
