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
});
export type UserView = z.infer<typeof userViewSchema>;

export const channelViewSchema = z.object({
  id: z.string(),
  /** "#dev", or "dm:<id>:<id>" for a direct conversation (show `peer.name` instead). */
  name: z.string(),
  kind: z.enum(["channel", "direct"]),
  topic: z.string(),
  inviteOnly: z.boolean(),
  memberCount: z.number().int().nonnegative(),
  /** The sequence number of the newest message: what a client has caught up to. */
  lastSeq: seqSchema,
  /** The viewer's role, or null when the viewer is not a member. */
  role: channelRoleSchema.nullable(),
  /** The other party of a direct conversation. */
  peer: userRefSchema.optional(),
});
export type ChannelView = z.infer<typeof channelViewSchema>;

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
});
export type MemberView = z.infer<typeof memberViewSchema>;

/** What a message line is: said text, a /me action, or a system line about the channel. */
export const messageKinds = [
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
] as const;
export const messageKindSchema = z.enum(messageKinds);
export type MessageKind = z.infer<typeof messageKindSchema>;

export const messageMetaSchema = z.object({
  /** The user a kick, ban, unban, op or deop was about. */
  target: userRefSchema.optional(),
  reason: z.string().optional(),
  inviteOnly: z.boolean().optional(),
  expiresAt: isoDateSchema.nullable().optional(),
});
export type MessageMeta = z.infer<typeof messageMetaSchema>;

export const messageSchema = z.object({
  /** Server-assigned, unique. */
  id: z.string(),
  channelId: z.string(),
  /** Strictly increasing within the channel, without gaps; assigned in the insert's transaction. */
  seq: seqSchema,
  kind: messageKindSchema,
  /** Null only for lines the server itself writes. */
  author: userRefSchema.nullable(),
  /** Said text for text and action; the topic for topic lines; empty otherwise. */
  text: z.string(),
  meta: messageMetaSchema,
  /** Server time of the commit. */
  createdAt: isoDateSchema,
  /** The sender's own id for this send, echoed so an outbox can match it. */
  clientId: z.string().optional(),
});
export type Message = z.infer<typeof messageSchema>;

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
