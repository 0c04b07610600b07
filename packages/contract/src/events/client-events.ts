import { z } from "zod";
import { limits } from "../limits";
import {
  auditEntrySchema,
  channelSummarySchema,
  channelViewSchema,
  memberViewSchema,
  messageSchema,
  userRefSchema,
  userViewSchema,
  whoisSchema,
} from "../models";
import {
  channelNameSchema,
  clientIdSchema,
  fileIdSchema,
  emojiSchema,
  isoDateSchema,
  nickSchema,
  passwordSchema,
  reasonSchema,
  seqSchema,
  targetSchema,
  textSchema,
  topicSchema,
  wellFormedStringSchema,
} from "../primitives";
import { settingsPatchSchema, userSettingsSchema } from "../settings";
import { tokenInfoSchema, tokenMaxDays, tokenNameSchema, tokenScopeSchema } from "../tokens";
import {
  incomingHookNameSchema,
  webhookDeliveriesMax,
  webhookDeliverySchema,
  webhookIdSchema,
  webhookInfoSchema,
  webhookUrlSchema,
} from "../webhooks";

const empty = z.object({});
const sessionGrant = z.object({
  /** Opaque; present it as `auth.token` in the Socket.IO handshake. */
  token: z.string(),
  expiresAt: isoDateSchema,
  user: userViewSchema,
});
const sessionInfo = z.object({
  /** Names the session for session:revoke; it is not the token and logs nobody in. */
  id: z.string(),
  createdAt: isoDateSchema,
  expiresAt: isoDateSchema,
  /** True for the session the asking connection belongs to. */
  current: z.boolean(),
});
const channelRef = z.object({ channel: channelNameSchema });
/** A line of a channel (by name) or of the direct conversation with a nick, by its seq. */
const lineRef = { target: targetSchema, seq: seqSchema.min(1) };
const historyPage = z.object({
  channelId: z.string(),
  messages: z.array(messageSchema),
  /** More entries exist in the direction read (older with `before` or none, newer with `after`). */
  hasMore: z.boolean(),
  /** With `around`: newer entries exist after this page. */
  hasNewer: z.boolean().optional(),
});
/** What changed in one conversation since the seq a client named. */
const conversationChanges = z.object({
  channelId: z.string(),
  /**
   * false: `messages` are every entry after the named seq, oldest first. true: the client was too
   * far behind (more than limits.syncEntriesMax entries) or did not name this conversation, so
   * `messages` are its newest page, as history:read with neither bound returns them: start afresh.
   */
  reset: z.boolean(),
  messages: z.array(messageSchema),
  /** With reset: older entries exist before the page. */
  hasMore: z.boolean(),
});
export type ConversationChanges = z.infer<typeof conversationChanges>;
const channelAndNick = z.object({ channel: channelNameSchema, nick: nickSchema });
/** One line a search found, in its current state, and the conversation to open it in. */
const searchHit = z.object({
  /** The channel's name, or for a direct conversation the other person's nick. */
  target: targetSchema,
  message: messageSchema,
});

/**
 * Every event a client may emit, with the schema of its payload and of the `data` of its
 * successful ack. The server parses each payload with its schema before anything else.
 */
export const clientEvents = {
  "auth:register": {
    summary: "Create an account and log this connection in as it.",
    payload: z.object({ name: nickSchema, password: passwordSchema }),
    result: sessionGrant,
  },
  "auth:login": {
    summary: "Log in with name and password; the connection becomes that user's.",
    payload: z.object({
      name: wellFormedStringSchema(limits.nickMaxLength),
      // Not held to the password rules: an account keeps the password it was registered with.
      password: z.string().max(limits.passwordMaxLength),
    }),
    result: sessionGrant,
  },
  "auth:logout": {
    summary: "End this session: its token stops working and its connections close.",
    payload: empty,
    result: empty,
  },
  "session:state": {
    summary: "Who am I and which channels and direct conversations am I in, with my read markers.",
    payload: empty,
    result: z.object({
      user: userViewSchema,
      channels: z.array(channelViewSchema),
      /** The users this account /ignores, on every device (clients hide their lines). */
      ignored: z.array(userRefSchema),
      /** The user's preferences (settings:update changes them). */
      settings: userSettingsSchema,
    }),
  },
  "session:sync": {
    summary:
      "Reconnect in one round trip: session:state plus, for each conversation named with the last seq the client holds, every entry after it (or its newest page when too far behind), and the newest page of each conversation it did not name. Conversations left meanwhile are absent from `channels`.",
    payload: z.object({
      conversations: z
        .array(z.object({ channelId: wellFormedStringSchema(64).min(1), after: seqSchema }))
        .max(limits.syncConversationsMax),
    }),
    result: z.object({
      user: userViewSchema,
      channels: z.array(channelViewSchema),
      changes: z.array(conversationChanges),
      /** As in session:state. */
      ignored: z.array(userRefSchema),
      /** The user's preferences, as session:state gives them. */
      settings: userSettingsSchema,
    }),
  },
  "session:quit": {
    summary: "/quit: leave, telling the channels why; the connection closes after the ack.",
    payload: z.object({
      message: reasonSchema.optional(),
      /** Also end the session (its token stops working), for a transport whose session lives as long as its link (IRC). */
      logout: z.boolean().optional(),
    }),
    result: empty,
  },
  "session:list": {
    summary: "Your sessions that are still valid (one per login), newest first.",
    payload: empty,
    result: z.object({ sessions: z.array(sessionInfo) }),
  },
  "session:revoke": {
    summary: "End one of your sessions: its token stops working and its connections close at once.",
    payload: z.object({ sessionId: wellFormedStringSchema(64).min(1) }),
    result: empty,
  },
  "token:create": {
    summary:
      "Create an API token for a program, for yourself or for one of your bots (`bot`), with the scopes it may use; the secret is in this answer only (the server keeps its hash). Needs a password login, not a token.",
    payload: z.object({
      name: tokenNameSchema,
      scopes: z.array(tokenScopeSchema).min(1).max(4),
      expiresInDays: z.number().int().min(1).max(tokenMaxDays).optional(),
      bot: nickSchema.optional(),
    }),
    result: z.object({
      /** The secret: present it as `Authorization: Bearer …` or as `auth.token` in the handshake. */
      token: z.string(),
      info: tokenInfoSchema,
    }),
  },
  "token:list": {
    summary: "Your live API tokens, or those of one of your bots (`bot`), newest first; never their secrets.",
    payload: z.object({ bot: nickSchema.optional() }),
    result: z.object({ tokens: z.array(tokenInfoSchema) }),
  },
  "token:revoke": {
    summary:
      "Revoke one of your tokens or of your bots' tokens (by id, a start of it of 8 characters or more, or its name): its next request is refused and its connections close at once.",
    /** The token's id, a start of it, or its name. */
    payload: z.object({ tokenId: wellFormedStringSchema(64).min(1) }),
    result: empty,
  },
  "bot:create": {
    summary:
      "Create a bot account you own: it has no password, acts only through the tokens you make for it (token:create with `bot`), and is shown as a bot.",
    payload: z.object({ name: nickSchema }),
    result: z.object({ bot: userViewSchema }),
  },
  "bot:list": {
    summary: "The bot accounts you own, oldest first.",
    payload: empty,
    result: z.object({ bots: z.array(userViewSchema) }),
  },
  "webhook:create": {
    summary:
      "Add an outgoing webhook to a channel (its owner, or a server admin): each new entry of its log is POSTed as JSON to `url`, signed with `secret` (in this answer only). http(s) only; loopback and private addresses are refused.",
    payload: z.object({ channel: channelNameSchema, url: webhookUrlSchema }),
    result: z.object({
      webhook: webhookInfoSchema,
      /** The signing key: verify X-CanaDuck-Signature with it. */
      secret: z.string(),
    }),
  },
  "webhook:create-incoming": {
    summary:
      "Add an incoming webhook to a channel (its owner, or a server admin): a bot account `name` you own joins the channel, and what is POSTed to `url` (secret: in this answer only) is said as it. With `signed`, requests must carry X-CanaDuck-Signature made with `secret`.",
    payload: z.object({ channel: channelNameSchema, name: incomingHookNameSchema, signed: z.boolean().optional() }),
    result: z.object({
      webhook: webhookInfoSchema,
      /** The path to POST `{ "text": … }` to: /api/v1/hooks/{id}/{secret}. */
      url: z.string(),
      secret: z.string(),
    }),
  },
  "webhook:list": {
    summary: "A channel's webhooks, oldest first, without their secrets (its owner, or a server admin).",
    payload: z.object({ channel: channelNameSchema }),
    result: z.object({ webhooks: z.array(webhookInfoSchema) }),
  },
  "webhook:delete": {
    summary:
      "Remove a webhook: an outgoing one delivers nothing more (pending retries are dropped); an incoming one's URL stops working (its bot stays).",
    payload: z.object({ webhookId: webhookIdSchema }),
    result: empty,
  },
  "webhook:deliveries": {
    summary: "An outgoing webhook's delivery log, newest first: each entry's seq, attempts, last status or error.",
    payload: z.object({
      webhookId: webhookIdSchema,
      limit: z.number().int().min(1).max(webhookDeliveriesMax).optional(),
    }),
    result: z.object({ deliveries: z.array(webhookDeliverySchema) }),
  },
  "user:suspend": {
    summary: "/suspend: suspend an account: its sessions end at once and it cannot log in; its lines stay (admins).",
    payload: z.object({ nick: nickSchema, reason: reasonSchema.optional() }),
    result: z.object({ sessionsEnded: z.number().int().nonnegative() }),
  },
  "user:unsuspend": {
    summary: "/unsuspend: let a suspended account log in again (admins).",
    payload: z.object({ nick: nickSchema }),
    result: empty,
  },
  "user:nick": {
    summary: "/nick: rename the account (nicks are unique ignoring case).",
    payload: z.object({ nick: nickSchema }),
    result: z.object({ user: userViewSchema }),
  },
  "user:away": {
    summary:
      "/away [message]: mark yourself away with a message others see (in /whois, member lists, user:away), or back when it is left out.",
    payload: z.object({ message: reasonSchema.optional() }),
    result: z.object({ away: z.string().nullable() }),
  },
  "user:whois": {
    summary: "/whois: a user's account, whether online, away and idle, and the channels you share with them.",
    payload: z.object({ nick: nickSchema }),
    result: whoisSchema,
  },
  "user:ignore": {
    summary:
      "/ignore: stop seeing a user's lines, on every device (the list is kept on the server; clients hide the lines). Returns the whole list.",
    payload: z.object({ nick: nickSchema }),
    result: z.object({ ignored: z.array(userRefSchema) }),
  },
  "user:unignore": {
    summary: "/unignore: see a user's lines again. Returns the whole list.",
    payload: z.object({ nick: nickSchema }),
    result: z.object({ ignored: z.array(userRefSchema) }),
  },
  "channel:join": {
    summary: "/join: enter a channel, creating it (as its owner) when it does not exist.",
    payload: channelRef,
    result: z.object({ channel: channelViewSchema }),
  },
  "channel:part": {
    summary: "/part: leave a channel.",
    payload: z.object({ channel: channelNameSchema, reason: reasonSchema.optional() }),
    result: empty,
  },
  "channel:topic": {
    summary: "/topic: read the topic, or set it (operators) when `topic` is given.",
    payload: z.object({ channel: channelNameSchema, topic: topicSchema.optional() }),
    result: z.object({ channel: channelViewSchema }),
  },
  "channel:mode": {
    summary:
      "/mode +i|-i: make a channel invite-only or open; /mode +previews|-previews: turn its link previews on or off (operators). At least one of the two.",
    payload: z.object({
      channel: channelNameSchema,
      inviteOnly: z.boolean().optional(),
      /** Off: no new line of the channel gets a link preview; those already shown stay. */
      previews: z.boolean().optional(),
    }),
    result: z.object({ channel: channelViewSchema }),
  },
  "channel:invite": {
    summary: "/invite: let a user join an invite-only channel (operators).",
    payload: channelAndNick,
    result: empty,
  },
  "channel:kick": {
    summary: "/kick: remove a member from a channel (operators).",
    payload: z.object({ channel: channelNameSchema, nick: nickSchema, reason: reasonSchema.optional() }),
    result: empty,
  },
  "channel:ban": {
    summary: "/ban: remove a member and keep them out, for a while or for good (operators).",
    payload: z.object({
      channel: channelNameSchema,
      nick: nickSchema,
      durationSeconds: z.number().int().positive().max(limits.banMaxSeconds).optional(),
      reason: reasonSchema.optional(),
    }),
    result: z.object({ expiresAt: isoDateSchema.nullable() }),
  },
  "channel:bans": {
    summary: "A channel's bans still in force, newest first (operators).",
    payload: channelRef,
    result: z.object({
      bans: z.array(
        z.object({
          /** The banned user (a ban names an account, which IRC shows as `nick!*@*`). */
          nick: nickSchema,
          /** Who set it (null when that account is gone). */
          by: nickSchema.nullable(),
          reason: z.string(),
          createdAt: isoDateSchema,
          /** Null for a ban for good. */
          expiresAt: isoDateSchema.nullable(),
        }),
      ),
    }),
  },
  "channel:unban": {
    summary: "/unban: lift a ban (operators).",
    payload: channelAndNick,
    result: empty,
  },
  "channel:op": {
    summary: "/op: make a member an operator (operators).",
    payload: channelAndNick,
    result: z.object({ member: memberViewSchema }),
  },
  "channel:deop": {
    summary: "/deop: make an operator a plain member (operators; the owner cannot be deopped).",
    payload: channelAndNick,
    result: z.object({ member: memberViewSchema }),
  },
  "direct:close": {
    summary:
      "Close your direct conversation with a nick: it leaves your conversation list on every device (direct:closed) until a new line arrives in it or you open it again (direct:open); its history is kept.",
    payload: z.object({ nick: nickSchema }),
    result: empty,
  },
  "direct:open": {
    summary:
      "Open your direct conversation with a nick again, as it was (a closed one comes back on every device as channel:joined); NO_SUCH_CHANNEL when you have none with them yet: send them a line to start one.",
    payload: z.object({ nick: nickSchema }),
    result: z.object({ channel: channelViewSchema }),
  },
  "channel:list": {
    summary: "/list: channels anyone can see, with member counts and topics.",
    payload: empty,
    result: z.object({ channels: z.array(channelSummarySchema) }),
  },
  "channel:who": {
    summary:
      "/who: a channel's members with their roles and whether they are online; `asOf` is the channel's last seq when it was read (channel:member events after it are newer than the list).",
    payload: channelRef,
    result: z.object({ members: z.array(memberViewSchema), asOf: seqSchema }),
  },
  "message:send": {
    summary: "/msg and /me: say something in a channel, or to a nick as a direct message.",
    payload: z.object({
      target: targetSchema,
      text: textSchema(limits.messageMaxLength),
      /** True for a /me action. */
      action: z.boolean().optional(),
      /** The client's own id for this send: a retry with the same id returns the original. */
      clientId: clientIdSchema.optional(),
      /** A reply: the seq of the line it answers, in the same conversation. */
      replyTo: seqSchema.min(1).optional(),
      /** Shares a file this user uploaded and has not shared yet (the upload routes send it). */
      attachment: fileIdSchema.optional(),
    }),
    result: z.object({ message: messageSchema }),
  },
  "message:edit": {
    summary:
      "/edit: change the text of your own text or /me line; everyone sees it marked edited (an edit entry in the log).",
    payload: z.object({ ...lineRef, text: textSchema(limits.messageMaxLength) }),
    result: z.object({ message: messageSchema }),
  },
  "message:delete": {
    summary:
      "/delete: remove a line for everyone: your own, or any in a channel you moderate (operators and owners; admins anywhere). The text is erased from the server.",
    payload: z.object(lineRef),
    result: empty,
  },
  "message:react": {
    summary: "/react: add a reaction (exactly one emoji) to a line.",
    payload: z.object({ ...lineRef, emoji: emojiSchema }),
    result: empty,
  },
  "message:unreact": {
    summary: "/react again: take your reaction back.",
    payload: z.object({ ...lineRef, emoji: emojiSchema }),
    result: empty,
  },
  "read:mark": {
    summary:
      "Move your read marker in a conversation forward to `seq` (it never moves back); your other connections are told (read:marked).",
    payload: z.object({ target: targetSchema, seq: seqSchema }),
    result: z.object({ readSeq: seqSchema }),
  },
  "history:read": {
    summary:
      "/read and catch-up: a page of the log, oldest first, lines in their current state and the change entries among them. With `before`: the newest entries before that seq (hasMore: older ones exist). With `after`: the oldest entries after that seq (hasMore: newer ones exist). With `around`: the entries around that seq, it included (hasMore: older exist; hasNewer: newer exist). With none: the newest page.",
    payload: z
      .object({
        target: targetSchema,
        before: seqSchema.optional(),
        after: seqSchema.optional(),
        around: seqSchema.optional(),
        limit: z.number().int().min(1).max(limits.historyPageMax).optional(),
      })
      .refine(
        (p) => [p.before, p.after, p.around].filter((bound) => bound !== undefined).length <= 1,
        "give at most one of before, after and around",
      ),
    result: historyPage,
  },
  "search:query": {
    summary:
      '/search: lines you may read whose text holds every word, newest first, a page at a time. Filters in the text: from:nick, in:#channel (or in:nick for a direct conversation), before: / after: / on: a date (YYYY-MM-DD, UTC), has:link; "quoted words" are a phrase; the last bare word also matches as a prefix. `terms` are the words to highlight (see highlightRanges). With `before`: the page after the one that returned that cursor as `next`.',
    payload: z.object({
      query: z.string().max(limits.searchQueryMaxLength),
      before: z.string().max(100).optional(),
      limit: z.number().int().min(1).max(limits.searchPageMax).optional(),
    }),
    result: z.object({
      hits: z.array(searchHit),
      terms: z.array(z.object({ text: z.string(), prefix: z.boolean() })),
      /** Pass as `before` for the next (older) page; null when there is none. */
      next: z.string().nullable(),
    }),
  },
  "audit:log": {
    summary: "/log: the newest entries of the audit log of moderation and server events (admins).",
    payload: z.object({ limit: z.number().int().min(1).max(limits.auditPageMax).optional() }),
    result: z.object({ entries: z.array(auditEntrySchema) }),
  },
  "server:alert": {
    summary: "/alert: a notice to every connected user (admins).",
    payload: z.object({ text: textSchema(limits.alertMaxLength) }),
    result: z.object({ delivered: z.literal(true) }),
  },
  "server:help": {
    summary: "/help: the commands, or one command's usage.",
    payload: z.object({ command: wellFormedStringSchema(32).optional() }),
    result: z.object({ lines: z.array(z.string()) }),
  },
  "settings:update": {
    summary:
      "Change your preferences (theme, typing notices, 12/24-hour clock, compact layout, one conversation's notification level and mute); every one of your connections is told (settings:changed).",
    payload: settingsPatchSchema,
    result: z.object({ settings: userSettingsSchema }),
  },
  "typing:set": {
    summary: "Tell a channel or a direct conversation that you are (or stopped) typing.",
    payload: z.object({ target: targetSchema, typing: z.boolean() }),
    result: empty,
  },
} as const satisfies Record<string, { summary: string; payload: z.ZodType; result: z.ZodType }>;

export type ClientEventName = keyof typeof clientEvents;
export type ClientEventPayload<E extends ClientEventName> = z.infer<(typeof clientEvents)[E]["payload"]>;
export type ClientEventResult<E extends ClientEventName> = z.infer<(typeof clientEvents)[E]["result"]>;
export const clientEventNames = Object.keys(clientEvents) as ClientEventName[];
export const isClientEventName = (name: string): name is ClientEventName => Object.hasOwn(clientEvents, name);
