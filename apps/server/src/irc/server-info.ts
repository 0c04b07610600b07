import { limits } from "@canaduck/contract";

/** The name the gateway gives itself as the source of its replies. */
export const SERVER_NAME = "canaduck";
/** The host part of every user's mask: CanaDuck has no hosts to show, and hides addresses. */
export const USER_HOST = "canaduck";
export const NETWORK_NAME = "CanaDuck";
export const SERVER_VERSION = "canaduck-irc-1";

/** `nick!user@host` of an account: the username is the nick too (there is only one). */
export const maskOf = (nick: string): string => `${nick}!${nick}@${USER_HOST}`;

/** Targets one PRIVMSG, NOTICE, JOIN or PART may name; more are refused with 407. */
export const MAX_TARGETS = 4;
export const MAX_JOIN_TARGETS = 10;

/** RPL_ISUPPORT tokens: CanaDuck's real limits, from the contract. */
export function isupportTokens(maxChannelsPerUser: number): string[] {
  return [
    "CASEMAPPING=ascii",
    "CHANTYPES=#",
    "PREFIX=(qo)~@",
    "CHANMODES=b,,,i",
    `CHANLIMIT=#:${maxChannelsPerUser}`,
    `NICKLEN=${limits.nickMaxLength}`,
    `CHANNELLEN=${limits.channelNameMaxLength + 1}`,
    `TOPICLEN=${limits.topicMaxLength}`,
    `KICKLEN=${limits.reasonMaxLength}`,
    `AWAYLEN=${limits.reasonMaxLength}`,
    "LINELEN=512",
    "MODES=1",
    `TARGMAX=PRIVMSG:${MAX_TARGETS},NOTICE:${MAX_TARGETS},TAGMSG:1,JOIN:${MAX_JOIN_TARGETS},PART:${MAX_JOIN_TARGETS},NAMES:1,WHOIS:1,KICK:1`,
    `NETWORK=${NETWORK_NAME}`,
    `CHATHISTORY=${limits.historyPageMax}`,
    "MSGREFTYPES=msgid",
    "UTF8ONLY",
  ];
}

/** The capabilities offered in CAP LS; `sasl` names its one mechanism in 302. */
export const CAPABILITIES = [
  "server-time",
  "message-tags",
  "echo-message",
  "labeled-response",
  "batch",
  "account-tag",
  "away-notify",
  "multi-prefix",
  "userhost-in-names",
  "draft/chathistory",
  "draft/read-marker",
  "draft/message-redaction",
  "sasl",
] as const;
export type Capability = (typeof CAPABILITIES)[number];

export const NOT_LOGGED_IN_NOTICE =
  "You are not logged in to a CanaDuck account, so you may not join or speak. Log in with SASL PLAIN, " +
  "PASS account:password, or /msg NickServ IDENTIFY <password> (/msg NickServ REGISTER <password> creates the account).";
