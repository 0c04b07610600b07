import type { ClientEventName, ClientEventPayload, ErrorCode } from "@canaduck/contract";
import { passwordOf } from "../testing";
import type { Cast, Mode, Role } from "./cast";

/** "ok", or the exact code of the refusal. */
export type Verdict = ErrorCode | "ok";
/** One verdict for both channel modes, or one for each. */
type Cell = Verdict | Record<Mode, Verdict>;
type Row = Record<Role, Cell>;

export interface Case<E extends ClientEventName = ClientEventName> {
  event: E;
  /** Told apart when one event is checked with two payloads (reading and setting a topic). */
  label?: string;
  payload(cast: Cast): ClientEventPayload<E>;
  expected: Row;
}

const NA = "NOT_AUTHENTICATED";
const both = (publicVerdict: Verdict, inviteOnly: Verdict): Cell => ({ public: publicVerdict, inviteOnly });

/** Before logging in, and only then. */
const anonymousOnly: Row = {
  anonymous: "ok",
  member: "ALREADY_AUTHENTICATED",
  operator: "ALREADY_AUTHENTICATED",
  owner: "ALREADY_AUTHENTICATED",
  admin: "ALREADY_AUTHENTICATED",
  banned: "ALREADY_AUTHENTICATED",
  nonMember: "ALREADY_AUTHENTICATED",
};
/** The same verdict for every logged-in role. */
const loggedIn = (verdict: Verdict): Row => ({
  anonymous: NA,
  member: verdict,
  operator: verdict,
  owner: verdict,
  admin: verdict,
  banned: verdict,
  nonMember: verdict,
});
/** Any logged-in user; the channel plays no part. */
const anyUser = loggedIn("ok");
/** Server admins only. */
const adminOnly: Row = { ...loggedIn("FORBIDDEN"), admin: "ok" };
/** Seeing a channel: anyone but the banned when it is public, members only when invite-only (admins too). */
const viewer: Row = {
  anonymous: NA,
  member: "ok",
  operator: "ok",
  owner: "ok",
  admin: both("ok", "NOT_A_MEMBER"),
  banned: "BANNED",
  nonMember: both("ok", "NOT_A_MEMBER"),
};
/** Taking part: members only, whatever the mode; an admin must join first. */
const memberOnly: Row = {
  anonymous: NA,
  member: "ok",
  operator: "ok",
  owner: "ok",
  admin: "NOT_A_MEMBER",
  banned: "BANNED",
  nonMember: "NOT_A_MEMBER",
};
/** Moderating: the channel's operators and owner, and server admins. */
const operatorOnly: Row = {
  anonymous: NA,
  member: "FORBIDDEN",
  operator: "ok",
  owner: "ok",
  admin: "ok",
  banned: "BANNED",
  nonMember: "NOT_A_MEMBER",
};

/** A channel's webhooks: its owner and server admins; everyone else is refused (not a member too). */
const ownerOrAdmin: Row = { ...loggedIn("FORBIDDEN"), owner: "ok", admin: "ok" };

const dev = { channel: "#dev" };

/** Every client event, with a payload that would succeed for someone allowed, and who is. */
export const cases: Case[] = [
  {
    event: "auth:register",
    payload: () => ({ name: "newcomer", password: passwordOf("newcomer") }),
    expected: anonymousOnly,
  },
  { event: "auth:login", payload: () => ({ name: "tina", password: passwordOf("tina") }), expected: anonymousOnly },
  { event: "auth:logout", payload: () => ({}), expected: anyUser },
  { event: "session:state", payload: () => ({}), expected: anyUser },
  { event: "session:quit", payload: () => ({}), expected: anyUser },
  { event: "session:list", payload: () => ({}), expected: anyUser },
  {
    event: "session:revoke",
    label: "someone else's session",
    payload: (c) => ({ sessionId: c.tina.sessionId }),
    // Nobody ends another user's session, admins included; it looks as if it did not exist.
    expected: loggedIn("NO_SUCH_SESSION"),
  },
  { event: "token:create", payload: () => ({ name: "ci", scopes: ["read"] }), expected: anyUser },
  { event: "token:list", payload: () => ({}), expected: anyUser },
  {
    event: "token:revoke",
    label: "a token that is not yours",
    payload: () => ({ tokenId: "no-such-token" }),
    expected: loggedIn("NO_SUCH_TOKEN"),
  },
  { event: "bot:create", payload: () => ({ name: "dicebot" }), expected: anyUser },
  { event: "bot:list", payload: () => ({}), expected: anyUser },
  {
    event: "webhook:create",
    payload: () => ({ ...dev, url: "https://hooks.example.com/in" }),
    expected: ownerOrAdmin,
  },
  {
    event: "webhook:create-incoming",
    payload: () => ({ ...dev, name: "deploybot" }),
    expected: ownerOrAdmin,
  },
  { event: "webhook:list", payload: () => dev, expected: ownerOrAdmin },
  {
    event: "webhook:delete",
    label: "no such webhook",
    payload: () => ({ webhookId: "no-such-webhook" }),
    // Whoever asks, an id that names nothing they manage is answered as one that does not exist.
    expected: loggedIn("NO_SUCH_WEBHOOK"),
  },
  {
    event: "webhook:deliveries",
    label: "no such webhook",
    payload: () => ({ webhookId: "no-such-webhook" }),
    expected: loggedIn("NO_SUCH_WEBHOOK"),
  },
  { event: "user:nick", payload: () => ({ nick: "renamed" }), expected: anyUser },
  {
    event: "channel:join",
    payload: () => dev,
    // Admins may enter an invite-only channel (everyone sees them join); a ban holds for everyone.
    expected: { ...anyUser, banned: "BANNED", nonMember: both("ok", "INVITE_ONLY") },
  },
  { event: "channel:part", payload: () => dev, expected: memberOnly },
  { event: "channel:topic", label: "read", payload: () => dev, expected: viewer },
  { event: "channel:topic", label: "set", payload: () => ({ ...dev, topic: "new topic" }), expected: operatorOnly },
  { event: "channel:mode", payload: (c) => ({ ...dev, inviteOnly: c.mode === "public" }), expected: operatorOnly },
  { event: "channel:invite", payload: () => ({ ...dev, nick: "ivy" }), expected: operatorOnly },
  { event: "channel:kick", payload: () => ({ ...dev, nick: "tina" }), expected: operatorOnly },
  { event: "channel:ban", payload: () => ({ ...dev, nick: "tina" }), expected: operatorOnly },
  { event: "channel:unban", payload: () => ({ ...dev, nick: "bart" }), expected: operatorOnly },
  { event: "channel:bans", payload: () => dev, expected: operatorOnly },
  { event: "channel:op", payload: () => ({ ...dev, nick: "tina" }), expected: operatorOnly },
  {
    event: "channel:deop",
    label: "another operator",
    payload: () => ({ ...dev, nick: "opal" }),
    // An operator cannot act on an equal: only the owner (or an admin) deops opal.
    expected: { ...operatorOnly, operator: "FORBIDDEN" },
  },
  { event: "channel:list", payload: () => ({}), expected: anyUser },
  { event: "channel:who", payload: () => dev, expected: viewer },
  { event: "message:send", payload: () => ({ target: "#dev", text: "hello" }), expected: memberOnly },
  {
    event: "message:edit",
    label: "the owner's line",
    payload: (c) => ({ target: "#dev", seq: c.ownerLine, text: "edited" }),
    // Only the author edits: every other member is refused, whatever their role.
    expected: { ...memberOnly, member: "FORBIDDEN", operator: "FORBIDDEN" },
  },
  {
    event: "message:delete",
    label: "a member's line",
    payload: (c) => ({ target: "#dev", seq: c.tinaLine }),
    // Someone else's line: the channel's moderators and admins (who need not be members) only.
    expected: operatorOnly,
  },
  {
    event: "message:react",
    payload: (c) => ({ target: "#dev", seq: c.ownerLine, emoji: "🎉" }),
    expected: memberOnly,
  },
  {
    event: "message:unreact",
    payload: (c) => ({ target: "#dev", seq: c.ownerLine, emoji: "👍" }),
    expected: memberOnly,
  },
  { event: "read:mark", payload: (c) => ({ target: "#dev", seq: c.ownerLine }), expected: memberOnly },
  { event: "session:sync", payload: () => ({ conversations: [] }), expected: anyUser },
  { event: "history:read", payload: () => ({ target: "#dev" }), expected: viewer },
  {
    event: "history:read",
    label: "around a line",
    payload: (c) => ({ target: "#dev", around: c.ownerLine }),
    expected: viewer,
  },
  { event: "typing:set", payload: () => ({ target: "#dev", typing: true }), expected: memberOnly },
  // Searching everywhere finds only what one may read (the server tests check what); naming a
  // conversation one is not in is refused, whatever one's rank or the channel's mode.
  { event: "search:query", payload: () => ({ query: "hello" }), expected: anyUser },
  {
    event: "search:query",
    label: "in a channel",
    payload: () => ({ query: "in:#dev hello" }),
    expected: { ...memberOnly, banned: "NOT_A_MEMBER" },
  },
  { event: "audit:log", payload: () => ({}), expected: adminOnly },
  { event: "server:alert", payload: () => ({ text: "maintenance at noon" }), expected: adminOnly },
  { event: "user:suspend", payload: () => ({ nick: "ivy", reason: "spam" }), expected: adminOnly },
  { event: "user:unsuspend", payload: () => ({ nick: "ivy" }), expected: adminOnly },
  { event: "server:help", payload: () => ({}), expected: anyUser },
  { event: "user:away", payload: () => ({ message: "lunch" }), expected: anyUser },
  { event: "user:whois", payload: () => ({ nick: "tina" }), expected: anyUser },
  // Anyone may ignore anyone but themselves (ignore.test.ts checks that refusal); ivy acts in no role.
  { event: "user:ignore", payload: () => ({ nick: "ivy" }), expected: anyUser },
  { event: "user:unignore", payload: () => ({ nick: "ivy" }), expected: anyUser },
  { event: "settings:update", payload: () => ({ theme: "dark" }), expected: anyUser },
  // One's own direct conversations only: ivy has none with anyone, so there is nothing to close or open.
  {
    event: "direct:close",
    label: "no conversation with them",
    payload: () => ({ nick: "ivy" }),
    expected: loggedIn("NO_SUCH_CHANNEL"),
  },
  {
    event: "direct:open",
    label: "no conversation with them",
    payload: () => ({ nick: "ivy" }),
    expected: loggedIn("NO_SUCH_CHANNEL"),
  },
  {
    event: "settings:update",
    label: "a conversation's notifications",
    payload: (c) => ({ conversation: { channelId: c.devId, level: "all" } }),
    // Only a conversation one is in: the banned are no longer in it.
    expected: { ...memberOnly, banned: "NOT_A_MEMBER" },
  },
];

export const verdictFor = (row: Row, role: Role, mode: Mode): Verdict => {
  const cell = row[role];
  return typeof cell === "string" ? cell : cell[mode];
};
