import { z } from "zod";
import { channelNameSchema, isoDateSchema, nickSchema, seqSchema } from "./primitives";

export const channelRoles = ["owner", "operator", "member"] as const;
export const channelRoleSchema = z.enum(channelRoles);
export type ChannelRole = z.infer<typeof channelRoleSchema>;

export const userRefSchema = z.object({ id: z.string(), name: z.string() });
export type UserRef = z.infer<typeof userRefSchema>;

export const userViewSchema = z.object({
  id: z.string(),
  name: nickSchema,
  isAdmin: z.boolean(),
  /** Present (true) for a bot account, which clients mark as a bot. */
  isBot: z.literal(true).optional(),
});
export type UserView = z.infer<typeof userViewSchema>;

export const channelViewSchema = z.object({
  id: z.string(),
  /** "#dev", or "dm:<id>:<id>" for a direct conversation (show `peer.name` instead). */
  name: z.string(),
  kind: z.enum(["channel", "direct"]),
  topic: z.string(),
  inviteOnly: z.boolean(),
  /** Present (true) when its operators turned link previews off (/mode -previews). */
  previewsOff: z.literal(true).optional(),
  memberCount: z.number().int().nonnegative(),
  /** The sequence number of the newest message: what a client has caught up to. */
  lastSeq: seqSchema,
  /** The viewer's role, or null when the viewer is not a member. */
  role: channelRoleSchema.nullable(),
  /** The other party of a direct conversation. */
  peer: userRefSchema.optional(),
  /**
   * The viewer's read marker: every line up to this seq has been seen on one of their devices.
   * `unread` and `mentions` count the lines after it that others wrote (and that name the viewer),
   * up to `lastSeq`, at most `limits.unreadCountMax` each.
   */
  readSeq: seqSchema,
  unread: z.number().int().nonnegative(),
  mentions: z.number().int().nonnegative(),
});
export type ChannelView = z.infer<typeof channelViewSchema>;
/** What every member of a channel is told of it: the view without the per-viewer fields. */
export const sharedChannelViewSchema = channelViewSchema.omit({
  role: true,
  readSeq: true,
  unread: true,
  mentions: true,
});
export type SharedChannelView = z.infer<typeof sharedChannelViewSchema>;

export const channelSummarySchema = z.object({
  name: channelNameSchema,
  topic: z.string(),
  memberCount: z.number().int().nonnegative(),
  inviteOnly: z.boolean(),
});
export type ChannelSummary = z.infer<typeof channelSummarySchema>;

export const memberViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: channelRoleSchema,
  isAdmin: z.boolean(),
  online: z.boolean(),
  /** Present while the member is /away: their away message. */
  away: z.string().optional(),
  /** Present (true) for a bot account, which clients mark as a bot. */
  isBot: z.literal(true).optional(),
});
export type MemberView = z.infer<typeof memberViewSchema>;

/**
 * What an entry of a conversation's log is. Lines are shown: said text, a /me action, or a
 * system line about the channel (join … deop, quit, nick). Change entries are not shown: they
 * change the line whose seq is their `meta.targetSeq`, and a client applies them (see
 * log-entries.ts).
 */
export const lineKinds = [
  "text",
  "action",
  "join",
  "part",
  "kick",
  "ban",
  "unban",
  "topic",
  "mode",
  "op",
  "deop",
  "quit",
  "nick",
] as const;
export const changeKinds = ["edit", "delete", "react", "unreact", "preview"] as const;
export const messageKinds = [...lineKinds, ...changeKinds] as const;
export const messageKindSchema = z.enum(messageKinds);
export type MessageKind = z.infer<typeof messageKindSchema>;
export type LineKind = (typeof lineKinds)[number];
export type ChangeKind = (typeof changeKinds)[number];

/**
 * What the server found at the first link of a line (Open Graph, else <title> and the meta
 * description): plain text, shown as text. The image, when there is one, is a thumbnail the
 * server fetched and keeps as a file, served same-origin at /api/v1/files/{fileId} to members.
 */
export const linkPreviewSchema = z.object({
  url: z.string(),
  title: z.string(),
  description: z.string().optional(),
  siteName: z.string().optional(),
  image: z
    .object({ fileId: z.string(), width: z.number().int().positive(), height: z.number().int().positive() })
    .optional(),
});
export type LinkPreview = z.infer<typeof linkPreviewSchema>;

/** A file shared on a line: what a client needs to show it; the bytes are at /api/v1/files/{fileId}. */
export const attachmentSchema = z.object({
  fileId: z.string(),
  /** The uploader's file name, as text: never used to decide the type. */
  name: z.string(),
  /** Bytes as stored (an image's after its metadata was stripped). */
  size: z.number().int().nonnegative(),
  /** The media type sniffed from the bytes; application/octet-stream when not recognised. */
  type: z.string(),
  width: z.number().int().positive().optional(),
  height: z.number().int().positive().optional(),
  /** Images (png, jpeg, webp, gif) have one at /api/v1/files/{fileId}/thumbnail. */
  hasThumbnail: z.boolean(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

export const messageMetaSchema = z.object({
  /** The user a kick, ban, unban, op or deop was about. */
  target: userRefSchema.optional(),
  reason: z.string().optional(),
  inviteOnly: z.boolean().optional(),
  /** mode lines that turned the channel's link previews on (true) or off (false). */
  previews: z.boolean().optional(),
  expiresAt: isoDateSchema.nullable().optional(),
  /** Change entries: the seq of the line they change. */
  targetSeq: seqSchema.optional(),
  /** react and unreact: the emoji. */
  emoji: z.string().optional(),
  /** nick lines: the nick before the change (the author carries the new one). */
  previousName: z.string().optional(),
  /** A line that shares a file (message:send with an attachment); gone once the line is deleted. */
  attachment: attachmentSchema.optional(),
  /** A line's link preview (kept with the line), and a preview change entry's content. */
  preview: linkPreviewSchema.optional(),
});
export type MessageMeta = z.infer<typeof messageMetaSchema>;

/** Who reacted, with the seq of their react entry: emoji and reactors are kept in that order. */
export const reactorSchema = z.object({ id: z.string(), name: z.string(), seq: seqSchema });
export type Reactor = z.infer<typeof reactorSchema>;

/** One emoji on a line: how many reacted with it, whether the viewer did, and who. */
export const reactionSchema = z.object({
  emoji: z.string(),
  count: z.number().int().positive(),
  /** Whether the viewer is among the reactors (computed for the receiver; see log-entries.ts). */
  me: z.boolean(),
  /** Oldest reaction first. */
  users: z.array(reactorSchema),
});
export type Reaction = z.infer<typeof reactionSchema>;

/** The line a reply answers, summarised as it is now. */
export const replySummarySchema = z.object({
  seq: seqSchema,
  author: userRefSchema.nullable(),
  /** The first words of the original (see replyExcerpt); empty when it was deleted. */
  excerpt: z.string(),
  deleted: z.boolean(),
  /** The original's `version` when summarised: a change older than this is already in. */
  version: seqSchema,
});
export type ReplySummary = z.infer<typeof replySummarySchema>;

/** Who wrote a line: `isBot` is kept with the line, so clients mark a bot's lines without asking. */
export const messageAuthorSchema = userRefSchema.extend({
  /** Present (true) when a bot account wrote the line. */
  isBot: z.literal(true).optional(),
});
export type MessageAuthor = z.infer<typeof messageAuthorSchema>;

export const messageSchema = z.object({
  /** Server-assigned, unique. */
  id: z.string(),
  channelId: z.string(),
  /** Strictly increasing within the channel, without gaps; assigned in the insert's transaction. */
  seq: seqSchema,
  kind: messageKindSchema,
  /** Null only for lines the server itself writes. */
  author: messageAuthorSchema.nullable(),
  /** Said text for text and action; the topic for topic lines; the new text for edit entries (empty once the line is deleted); empty otherwise. */
  text: z.string(),
  meta: messageMetaSchema,
  /** Server time of the commit. */
  createdAt: isoDateSchema,
  /** The sender's own id for this send, echoed so an outbox can match it. */
  clientId: z.string().optional(),
  /**
   * The seq of the newest log entry that changed this line (its own seq when none did). A change
   * entry with a seq at or below it is already applied; a copy of the line with a lower version
   * is older than the one held.
   */
  version: seqSchema,
  /** Set once the text was edited: the time of the newest edit. */
  editedAt: isoDateSchema.optional(),
  /** A deleted line: a tombstone, its text and meta gone from the server. */
  deleted: z.literal(true).optional(),
  /** Reactions, in the order their emoji were first (still) used; absent when none. */
  reactions: z.array(reactionSchema).optional(),
  /** Present on a reply: the line it answers. */
  replyTo: replySummarySchema.optional(),
});
export type Message = z.infer<typeof messageSchema>;

/** /whois: what anyone may learn of a user, with the channels the asker shares with them. */
export const whoisSchema = z.object({
  user: userViewSchema,
  online: z.boolean(),
  /** The away message, or null when not away. */
  away: z.string().nullable(),
  /** Seconds since their last said line anywhere (text or /me); null when they never said one. */
  idleSeconds: z.number().int().nonnegative().nullable(),
  /** Names of the channels (not direct conversations) both the asker and the user are in. */
  channelsInCommon: z.array(z.string()),
});
export type Whois = z.infer<typeof whoisSchema>;

export const auditEntrySchema = z.object({
  id: z.number().int(),
  action: z.string(),
  actor: z.string().nullable(),
  channel: z.string().nullable(),
  target: z.string().nullable(),
  detail: z.string(),
  createdAt: isoDateSchema,
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
