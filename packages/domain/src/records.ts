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
  /** /away: the message others see while away; null when not away. */
  awayMessage: string | null;
  /** A bot account (bot:create): it has no password and acts only through API tokens. */
  isBot: boolean;
  /** The user who made this bot and manages its tokens; null for a person's account. */
  ownerId: string | null;
}

/** What an operator or an admin may change of an account besides its name. */
export type UserPatch = Partial<
  Pick<UserRecord, "passwordHash" | "isAdmin" | "suspendedAt" | "suspendReason" | "awayMessage">
>;

export interface SessionRecord {
  id: string;
  userId: string;
  tokenHash: string;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  /** "login" (a password login: every scope) or "token" (token:create: only `scopes`). */
  kind: string;
  /** A token's name, as its owner gave it; null for a login. */
  name: string | null;
  /** A token's scopes, space-separated ("read write"); null for a login. */
  scopes: string | null;
}

export type ChannelKind = "channel" | "direct";

export interface ChannelRecord {
  id: string;
  name: string;
  nameKey: string;
  kind: ChannelKind;
  topic: string;
  inviteOnly: boolean;
  /** Its owners and operators turned link previews off (channel:previews). */
  previewsOff: boolean;
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
  /** The author was a bot account: kept with the line, as its name is. */
  authorIsBot: boolean;
  kind: MessageKind;
  text: string;
  meta: MessageMeta;
  clientId: string | null;
  createdAt: Date;
  /** Seq of the newest change entry applied to this line; its own seq when none was. */
  version: number;
  /** Time of the newest edit; null when never edited (or deleted since). */
  editedAt: Date | null;
  /** Set when the line was deleted: its text and meta were erased then. */
  deletedAt: Date | null;
  /** Change entries: the seq of the line they change (also in meta, which clients read). */
  targetSeq: number | null;
  /** A reply: the seq of the line it answers, in the same conversation. */
  replyToSeq: number | null;
}

/** One user's reaction with one emoji on a line; `seq` is the react entry's, which orders them. */
export interface ReactionRecord {
  channelId: string;
  targetSeq: number;
  userId: string;
  emoji: string;
  seq: number;
  createdAt: Date;
}

/** /ignore: `userId` does not want to see `ignoredId`'s lines. */
export interface IgnoreRecord {
  userId: string;
  ignoredId: string;
  createdAt: Date;
}

/** How far a user has read a conversation. */
/** A user's preferences as stored: the JSON of the contract's UserSettings. */
export interface SettingsRecord {
  userId: string;
  data: string;
  updatedAt: Date;
}

export interface ReadMarkerRecord {
  userId: string;
  channelId: string;
  seq: number;
  updatedAt: Date;
  /**
   * Set when the user closed this direct conversation: its lastSeq then. It stays hidden from them
   * while no newer line exists. Written by `setClosed` only; absent or null when not closed.
   */
  closedSeq?: number | null;
}

/** What an edit or a deletion changes of a line. */
export type LinePatch = Partial<Pick<MessageRecord, "text" | "meta" | "version" | "editedAt" | "deletedAt">>;

export interface AuditRecord {
  id: number;
  action: string;
  actorName: string | null;
  channelName: string | null;
  targetName: string | null;
  detail: string;
  createdAt: Date;
}

/** An uploaded file (its bytes are in the server's file store, keyed by `id`). */
export interface FileRecord {
  id: string;
  uploaderId: string;
  /** The conversation and line sharing it; null until its line is written. */
  channelId: string | null;
  seq: number | null;
  name: string;
  size: number;
  type: string;
  width: number | null;
  height: number | null;
  hasThumbnail: boolean;
  createdAt: Date;
  /** Its line was deleted, or never written: the bytes are gone. */
  deletedAt: Date | null;
}

export type WebhookKind = "outgoing" | "incoming";

/** A channel's webhook: outgoing (its lines POSTed to `url`) or incoming (posts as `botId`). */
export interface WebhookRecord {
  id: string;
  channelId: string;
  kind: WebhookKind;
  /** outgoing: where each new log entry is POSTed; null for incoming. */
  url: string | null;
  /**
   * The signing key (outgoing: signs deliveries; incoming: the URL's secret and, when
   * `signed`, the key requests are signed with). Kept as is, not hashed: signing needs it.
   */
  secret: string;
  signed: boolean;
  /** incoming: the bot account it posts as, and that bot's session (revoked with the hook). */
  botId: string | null;
  sessionId: string | null;
  createdBy: string;
  createdAt: Date;
}

export type WebhookDeliveryStatus = "pending" | "delivered" | "failed";

/** One log entry on its way to one outgoing webhook, with what its last attempt got. */
export interface WebhookDeliveryRecord {
  id: string;
  webhookId: string;
  seq: number;
  status: WebhookDeliveryStatus;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export type WebhookDeliveryPatch = Partial<
  Pick<WebhookDeliveryRecord, "status" | "attempts" | "lastStatus" | "lastError" | "updatedAt">
>;
