import type { ChannelRole } from "@canaduck/contract";
import type {
  AuditRecord,
  BanRecord,
  ChannelRecord,
  IgnoreRecord,
  InviteRecord,
  MembershipRecord,
  LinePatch,
  MessageRecord,
  ReactionRecord,
  ReadMarkerRecord,
  SettingsRecord,
  FileRecord,
  SessionRecord,
  UserPatch,
  UserRecord,
  WebhookDeliveryPatch,
  WebhookDeliveryRecord,
  WebhookRecord,
} from "./records";

/**
 * The small interfaces through which the domain changes state. The server implements them
 * with Prisma; the domain's tests with plain maps.
 */
export interface UserRepository {
  findById(id: string): Promise<UserRecord | null>;
  /** The users among `ids` that exist, in any order. */
  findByIds(ids: readonly string[]): Promise<UserRecord[]>;
  findByNameKey(nameKey: string): Promise<UserRecord | null>;
  /** How many accounts are server admins (a fresh server has none until the operator grants one). */
  countAdmins(): Promise<number>;
  insert(user: UserRecord): Promise<void>;
  rename(id: string, name: string, nameKey: string): Promise<void>;
  update(id: string, patch: UserPatch): Promise<void>;
  /** Every account, oldest first. */
  list(): Promise<UserRecord[]>;
  /** The bots `ownerId` made, oldest first. */
  listBotsOf(ownerId: string): Promise<UserRecord[]>;
}

export interface SessionRepository {
  insert(session: SessionRecord): Promise<void>;
  findById(id: string): Promise<SessionRecord | null>;
  /** The sessions among `ids` that exist, in any order. */
  findByIds(ids: readonly string[]): Promise<SessionRecord[]>;
  findByTokenHash(tokenHash: string): Promise<SessionRecord | null>;
  /** The sessions among these token hashes that exist, in any order. */
  findByTokenHashes(tokenHashes: readonly string[]): Promise<SessionRecord[]>;
  /** Every session of the user, live, revoked or expired, in any order. */
  listByUser(userId: string): Promise<SessionRecord[]>;
  revoke(id: string, at: Date): Promise<void>;
}

export interface ChannelRepository {
  findById(id: string): Promise<ChannelRecord | null>;
  findByNameKey(nameKey: string): Promise<ChannelRecord | null>;
  /** The channels among these name keys that exist, in any order. */
  findByNameKeys(nameKeys: readonly string[]): Promise<ChannelRecord[]>;
  insert(channel: ChannelRecord): Promise<void>;
  update(id: string, patch: Partial<Pick<ChannelRecord, "topic" | "inviteOnly" | "previewsOff">>): Promise<void>;
  /** Bumps and returns the channel's sequence number; must run in the insert's transaction. */
  allocateSeq(id: string): Promise<number>;
  /** Takes `count` sequence numbers at once and returns the last: the range is last-count+1 … last. */
  allocateSeqs(id: string, count: number): Promise<number>;
  /** Every channel of kind "channel", with its member count. */
  listWithCounts(): Promise<Array<{ channel: ChannelRecord; memberCount: number }>>;
}

export interface MemberWithUser {
  membership: MembershipRecord;
  user: UserRecord;
}

export interface MembershipRepository {
  find(channelId: string, userId: string): Promise<MembershipRecord | null>;
  /** Every membership of any of `userIds` in any of `channelIds`. */
  findAmong(channelIds: readonly string[], userIds: readonly string[]): Promise<MembershipRecord[]>;
  /** Every membership (channels and direct conversations) of any of `userIds`, in any order. */
  findByUsers(userIds: readonly string[]): Promise<MembershipRecord[]>;
  insert(membership: MembershipRecord): Promise<void>;
  remove(channelId: string, userId: string): Promise<void>;
  setRole(channelId: string, userId: string, role: ChannelRole): Promise<void>;
  count(channelId: string): Promise<number>;
  /** Member counts of many channels in one read; a channel without members is absent. */
  countMany(channelIds: readonly string[]): Promise<Map<string, number>>;
  listMembers(channelId: string): Promise<MemberWithUser[]>;
  listChannelsOf(userId: string): Promise<Array<{ membership: MembershipRecord; channel: ChannelRecord }>>;
}

export interface BanRepository {
  find(channelId: string, userId: string): Promise<BanRecord | null>;
  /** Every ban, expired or not, of any of `userIds` in any of `channelIds`. */
  findAmong(channelIds: readonly string[], userIds: readonly string[]): Promise<BanRecord[]>;
  /** Every ban of the channel, expired or not. */
  listByChannel(channelId: string): Promise<BanRecord[]>;
  upsert(ban: BanRecord): Promise<void>;
  remove(channelId: string, userId: string): Promise<void>;
}

export interface InviteRepository {
  find(channelId: string, userId: string): Promise<InviteRecord | null>;
  upsert(invite: InviteRecord): Promise<void>;
  remove(channelId: string, userId: string): Promise<void>;
}

/** The entries of one conversation with seq in (after, upTo]. */
export interface SeqRange {
  channelId: string;
  after: number;
  upTo: number;
}

export interface MessageRepository {
  insert(message: MessageRecord): Promise<void>;
  /** One statement for many messages: how a batch of sends stays cheap. */
  insertMany(messages: readonly MessageRecord[]): Promise<void>;
  findByClientId(authorId: string, clientId: string): Promise<MessageRecord | null>;
  /** Every message by any of `authorIds` carrying any of `clientIds`. */
  findByClientIds(authorIds: readonly string[], clientIds: readonly string[]): Promise<MessageRecord[]>;
  /** Up to `limit` messages with seq < `before` (or the newest), oldest first. */
  listBefore(channelId: string, before: number | undefined, limit: number): Promise<MessageRecord[]>;
  /** Up to `limit` messages with seq > `after`, oldest first. */
  listAfter(channelId: string, after: number, limit: number): Promise<MessageRecord[]>;
  /**
   * The entries that exist in any of `channelIds` with any of `seqs`, in any order: for several
   * channels, more than the pairs a caller wants (it keeps its own), in one read.
   */
  findBySeqs(channelIds: readonly string[], seqs: readonly number[]): Promise<MessageRecord[]>;
  /** Changes the line at `seq` (an edit, a deletion, a reaction's version bump). */
  updateLine(channelId: string, seq: number, patch: LinePatch): Promise<void>;
  /** Blanks the text of every edit entry of the line at `targetSeq`: a deletion erases them too. */
  eraseEdits(channelId: string, targetSeq: number): Promise<void>;
  /**
   * The text of up to `limit` lines of kind text or action with seq in (`after`, `upTo`], not
   * deleted and not written by `viewerId`, newest first: what is unread for the viewer. Only the
   * text, since every conversation of every reconnect counts these.
   */
  listUnreadTexts(channelId: string, after: number, upTo: number, viewerId: string, limit: number): Promise<string[]>;
  /**
   * Every entry in any of the ranges, in any order, in one read: a reconnect's changes in all its
   * conversations. Unbounded: callers keep each range as short as they need.
   */
  listInRanges(ranges: readonly SeqRange[]): Promise<MessageRecord[]>;
  /** listUnreadTexts for several ranges at once, unbounded as listInRanges, each text with its conversation. */
  listUnreadTextsInRanges(
    ranges: readonly SeqRange[],
    viewerId: string,
  ): Promise<Array<{ channelId: string; text: string }>>;
  /**
   * Lines (text or action, not deleted) of `channelIds` whose text holds every word (a prefix
   * word: some word starting with it) and every phrase, and meets the filters: at most `limit`,
   * newest first, then `next` to pass as `before` for the older ones (null when none are left).
   * `before` is a cursor this store returned; anything else is refused INVALID_PAYLOAD.
   */
  search(find: SearchFind): Promise<{ records: MessageRecord[]; next: string | null }>;
  /** When `authorId` last said a line (text or action, deleted or not), or null: /whois's idle time. */
  lastSaidAt(authorId: string): Promise<Date | null>;
}

export interface SearchFind {
  channelIds: readonly string[];
  words: ReadonlyArray<{ text: string; prefix: boolean }>;
  phrases: ReadonlyArray<readonly string[]>;
  authorId?: string;
  since?: Date;
  until?: Date;
  hasLink: boolean;
  limit: number;
  before?: string;
}

export interface ReactionRepository {
  insert(reaction: ReactionRecord): Promise<void>;
  find(channelId: string, targetSeq: number, userId: string, emoji: string): Promise<ReactionRecord | null>;
  remove(channelId: string, targetSeq: number, userId: string, emoji: string): Promise<void>;
  /** Every reaction on a deleted line goes with it. */
  removeAll(channelId: string, targetSeq: number): Promise<void>;
  /** Every reaction on a line in any of `channelIds` with any of `targetSeqs`, in any order (as findBySeqs). */
  listFor(channelIds: readonly string[], targetSeqs: readonly number[]): Promise<ReactionRecord[]>;
}

export interface ReadMarkerRepository {
  find(userId: string, channelId: string): Promise<ReadMarkerRecord | null>;
  /** Every marker of the user, in any order. */
  listByUser(userId: string): Promise<ReadMarkerRecord[]>;
  /**
   * Writes the marker, or moves an existing one forward to it; never back. Atomic in the
   * database, so two devices marking at once cannot leave the lower of the two.
   */
  upsert(marker: ReadMarkerRecord): Promise<void>;
  /**
   * Closes a direct conversation for the user up to `closedSeq` (null: opens it again), keeping
   * the marker's seq; a missing marker is created at seq 0.
   */
  setClosed(userId: string, channelId: string, closedSeq: number | null, now: Date): Promise<void>;
}

/** /ignore lists, one row per (user, ignored user). */
export interface IgnoreRepository {
  /** The user's ignores, oldest first. */
  listByUser(userId: string): Promise<IgnoreRecord[]>;
  /** Adds the row; an existing one stays as it was. */
  insert(ignore: IgnoreRecord): Promise<void>;
  remove(userId: string, ignoredId: string): Promise<void>;
}

export interface SettingsRepository {
  find(userId: string): Promise<SettingsRecord | null>;
  upsert(record: SettingsRecord): Promise<void>;
}

/** Uploaded files' rows: who uploaded what, and which line shares it. */
export interface FileRepository {
  insert(file: FileRecord): Promise<void>;
  findById(id: string): Promise<FileRecord | null>;
  /** The file is now shared by the line at `seq` of `channelId`. */
  attach(id: string, channelId: string, seq: number): Promise<void>;
  /** Its bytes are gone: it is served no more, and its name is erased with its line. */
  markDeleted(id: string, at: Date): Promise<void>;
  /** Bytes `uploaderId` uploaded since `since`, deleted files included: what the quota counts. */
  bytesSince(uploaderId: string, since: Date): Promise<number>;
}

export interface AuditRepository {
  insert(entry: Omit<AuditRecord, "id">): Promise<void>;
  /** The newest `limit` entries, newest first. */
  listRecent(limit: number): Promise<AuditRecord[]>;
}

export interface WebhookRepository {
  insert(webhook: WebhookRecord): Promise<void>;
  findById(id: string): Promise<WebhookRecord | null>;
  /** The channel's webhooks of both kinds, oldest first. */
  listByChannel(channelId: string): Promise<WebhookRecord[]>;
  /** Every outgoing webhook of every channel: what a node delivering webhooks keeps in memory. */
  listOutgoing(): Promise<WebhookRecord[]>;
  /** Removes it and its delivery log. */
  remove(id: string): Promise<void>;
}

export interface WebhookDeliveryRepository {
  insert(delivery: WebhookDeliveryRecord): Promise<void>;
  update(id: string, patch: WebhookDeliveryPatch): Promise<void>;
  /** The webhook's newest `limit` deliveries, newest first. */
  listRecent(webhookId: string, limit: number): Promise<WebhookDeliveryRecord[]>;
}

export interface Repositories {
  users: UserRepository;
  sessions: SessionRepository;
  channels: ChannelRepository;
  memberships: MembershipRepository;
  bans: BanRepository;
  invites: InviteRepository;
  messages: MessageRepository;
  reactions: ReactionRepository;
  readMarkers: ReadMarkerRepository;
  settings: SettingsRepository;
  audit: AuditRepository;
  ignores: IgnoreRepository;
  files: FileRepository;
  webhooks: WebhookRepository;
  webhookDeliveries: WebhookDeliveryRepository;
}

/** Thrown by a Store when the database cannot be reached: the command is refused as UNAVAILABLE. */
export class StoreUnavailableError extends Error {
  override name = "StoreUnavailableError";
}

export interface Store {
  /** Runs `work` in one transaction: all of its writes commit together or none do. */
  transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T>;
  /**
   * Runs `work` outside any transaction: each read sees what is committed, and nothing waits
   * for a writer. Only for work that writes nothing (commands declared `transaction: "none"`).
   */
  read<T>(work: (repos: Repositories) => Promise<T>): Promise<T>;
  /**
   * Runs `work` in one read-only snapshot: every read sees the same committed state, and a
   * database that can (SQLite in WAL mode, PostgreSQL) runs it beside the writers instead of
   * behind them. Only for work that writes nothing.
   */
  readSnapshot<T>(work: (repos: Repositories) => Promise<T>): Promise<T>;
  /**
   * `transaction` for the group commit's hot path: `work` may use only the repositories' bulk
   * reads and writes (`findByIds`, `findByNameKeys`, `findAmong`, `findByClientIds`,
   * `allocateSeqs`, `insertMany`), which a database can run as plain statements without its
   * ORM (PostgreSQL); any other repository call there throws.
   */
  bulkTransaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T>;
}

export interface Clock {
  now(): Date;
}

export interface IdSource {
  newId(): string;
}

/** Slow, salted password hashing (argon2id in the server). */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

/** Who is connected right now, on any node. */
export interface Presence {
  onlineAmong(userIds: readonly string[]): Promise<Set<string>>;
}

/**
 * Where an outgoing webhook may point. The server resolves the name and refuses loopback,
 * private and link-local addresses (unless allow-listed); null when the URL may be used.
 */
export interface WebhookTargets {
  refusal(url: string): Promise<string | null>;
}

export interface DomainConfig {
  sessionTtlMs: number;
  /** Most channels (not direct conversations) one user may be in; unlimited when left out. */
  maxChannelsPerUser?: number;
  /** How long after writing a line its author may still edit it; no limit when left out. */
  editWindowMs?: number;
}

export interface DomainDeps {
  store: Store;
  clock: Clock;
  ids: IdSource;
  passwords: PasswordHasher;
  presence: Presence;
  webhookTargets: WebhookTargets;
  config: DomainConfig;
}
