import { z } from "zod";
import { errorCodeSchema } from "../error-codes";
import {
  channelViewSchema,
  memberViewSchema,
  messageSchema,
  sharedChannelViewSchema,
  userRefSchema,
  userViewSchema,
} from "../models";
import { isoDateSchema, seqSchema } from "../primitives";
import { userSettingsSchema } from "../settings";

/** Every event the server emits, with the schema of its payload. */
export const serverEvents = {
  "message:new": {
    summary:
      "An entry of the log of a channel or direct conversation the receiver is in: a line (said text or a system line) or a change entry (edit, delete, react, unreact) to apply to the line it targets.",
    payload: messageSchema,
  },
  "channel:joined": {
    summary: "The receiver is now in this channel or direct conversation (on any of their connections).",
    payload: z.object({ channel: channelViewSchema }),
  },
  "channel:left": {
    summary: "The receiver is no longer in this channel: parted, kicked or banned.",
    payload: z.object({
      channelId: z.string(),
      name: z.string(),
      reason: z.enum(["part", "kick", "ban"]),
      /** Kick or ban: who did it, the reason they gave (when they gave one), and when a ban ends (null: never). */
      by: z.string().optional(),
      message: z.string().optional(),
      expiresAt: isoDateSchema.nullable().optional(),
    }),
  },
  "direct:closed": {
    summary:
      "The receiver closed this direct conversation (direct:close, on any of their connections): drop it from the list; it comes back as channel:joined with its next line.",
    payload: z.object({ channelId: z.string() }),
  },
  "channel:invited": {
    summary: "An operator invited the receiver to an invite-only channel; /join it to accept.",
    payload: z.object({ channel: z.string(), by: z.string() }),
  },
  "channel:member": {
    summary:
      "A member of a channel the receiver is in joined, became operator or member again (`member`: their view), or left, was kicked or banned (null); `seq` is the line that says so. Clients keep a loaded member list up to date from these, applying those after the list's `asOf`.",
    payload: z.object({
      channelId: z.string(),
      seq: seqSchema,
      userId: z.string(),
      member: memberViewSchema.nullable(),
    }),
  },
  "channel:updated": {
    summary: "A channel's topic, mode or member count changed.",
    payload: z.object({ channel: sharedChannelViewSchema }),
  },
  "user:updated": {
    summary: "A user the receiver shares a channel with changed nick.",
    payload: z.object({ user: userViewSchema, previousName: z.string() }),
  },
  "user:away": {
    summary:
      "A user the receiver shares a channel with (or the receiver, on another device) went away (`away` is the message) or came back (null).",
    payload: z.object({ user: userRefSchema, away: z.string().nullable() }),
  },
  "ignore:changed": {
    summary: "The receiver's ignore list changed (on this or another of their connections): the whole list.",
    payload: z.object({ ignored: z.array(userRefSchema) }),
  },
  "read:marked": {
    summary:
      "The receiver's read marker moved (on this or another of their connections): unread and mentions count what is after it, up to lastSeq.",
    payload: z.object({
      channelId: z.string(),
      readSeq: seqSchema,
      unread: z.number().int().nonnegative(),
      mentions: z.number().int().nonnegative(),
      lastSeq: seqSchema,
    }),
  },
  "settings:changed": {
    summary: "The receiver's preferences changed (on this or another of their connections).",
    payload: z.object({ settings: userSettingsSchema }),
  },
  "presence:changes": {
    summary:
      "Users the receiver shares a channel with came online or went offline: a lone change at once, a burst gathered for a moment, each user's last state once.",
    payload: z.object({ changes: z.array(z.object({ user: userRefSchema, online: z.boolean() })).min(1) }),
  },
  "typing:changed": {
    summary: "Someone in a channel or direct conversation started or stopped typing.",
    payload: z.object({ channelId: z.string(), user: userRefSchema, typing: z.boolean() }),
  },
  "server:alert": {
    summary: "An administrator's notice to everyone connected.",
    payload: z.object({ text: z.string(), from: z.string(), createdAt: isoDateSchema }),
  },
  "session:ended": {
    summary:
      "The server is closing this connection: logout, quit, revocation (code SUSPENDED when an admin suspended the account, SESSION_EXPIRED when the session expired), or shutdown (then reconnect).",
    payload: z.object({ reason: z.enum(["logout", "quit", "revoked", "shutdown"]), code: errorCodeSchema.optional() }),
  },
} as const satisfies Record<string, { summary: string; payload: z.ZodType }>;

export type ServerEventName = keyof typeof serverEvents;
export type ServerEventPayload<E extends ServerEventName> = z.infer<(typeof serverEvents)[E]["payload"]>;
export const serverEventNames = Object.keys(serverEvents) as ServerEventName[];
