import type { ErrorCode, ParseErrorCode } from "@canaduck/contract";

/** Every code an answer can carry: the server's, and the slash-command parser's own. */
export type ErrorTextCode = ErrorCode | ParseErrorCode;

/**
 * A short headline per code; the message (plain words too) gives the detail. `satisfies` makes a
 * code added to the contract fail to compile here until it has its headline.
 */
export const errorHeadlines = {
  INVALID_PAYLOAD: "That did not work.",
  UNKNOWN_EVENT: "The server does not know that request.",
  UNKNOWN_COMMAND: "Unknown command.",
  NOT_AUTHENTICATED: "Please log in again.",
  ALREADY_AUTHENTICATED: "You are already logged in.",
  INVALID_CREDENTIALS: "Wrong name or password.",
  SESSION_EXPIRED: "Your session has expired.",
  SUSPENDED: "This account is suspended.",
  NICK_IN_USE: "That name is taken.",
  INVALID_NICK: "That name is not allowed.",
  NO_SUCH_CHANNEL: "No such channel.",
  NO_SUCH_USER: "No such user.",
  NO_SUCH_SESSION: "No such session.",
  NO_SUCH_TOKEN: "No such token.",
  INSUFFICIENT_SCOPE: "This token is not allowed to do that.",
  NO_SUCH_WEBHOOK: "No such webhook.",
  TOO_MANY_WEBHOOKS: "This channel has as many webhooks as it may.",
  WEBHOOK_URL_REFUSED: "That webhook URL is not allowed.",
  BAD_SIGNATURE: "The webhook signature is missing or wrong.",
  STALE_SIGNATURE: "The webhook signature is too old.",
  REPLAYED_SIGNATURE: "That webhook request was already received.",
  NOT_A_MEMBER: "Not a member.",
  ALREADY_A_MEMBER: "Already a member.",
  FORBIDDEN: "Not allowed.",
  BANNED: "Banned.",
  INVITE_ONLY: "Invite only.",
  TOO_MANY_CHANNELS: "Too many channels.",
  NOT_BANNED: "Not banned.",
  NO_SUCH_MESSAGE: "No such line.",
  NOT_EDITABLE: "That line cannot be changed.",
  MESSAGE_DELETED: "That line was deleted.",
  ALREADY_REACTED: "You already reacted with that.",
  NOT_REACTED: "You had not reacted with that.",
  TOO_MANY_REACTIONS: "That line has too many different reactions.",
  TOO_MANY_IGNORED: "Your ignore list is full: /unignore someone first.",
  INVALID_QUERY: "That search could not be read.",
  NO_SUCH_FILE: "No such file.",
  FILE_TOO_LARGE: "That file is too large.",
  UPLOAD_QUOTA_EXCEEDED: "You have uploaded too much today.",
  RATE_LIMITED: "Slow down.",
  UNSUPPORTED_PROTOCOL: "This client and the server do not match: update or reload it.",
  UNAVAILABLE: "The server is unreachable.",
  INTERNAL: "Something went wrong on the server.",
  MISSING_ARGUMENT: "Something is missing.",
  TOO_MANY_ARGUMENTS: "Too many words.",
  INVALID_ARGUMENT: "Check the command.",
  NO_TARGET: "Nowhere to send that.",
} as const satisfies Record<ErrorTextCode, string>;

/** For a code this client does not know yet (a newer server's). */
const FALLBACK = "That did not work.";

const isKnown = (code: string): code is ErrorTextCode => Object.hasOwn(errorHeadlines, code);

/** What to show for an error: the headline for its code, then the detail (left out when it only repeats the headline). */
export function errorText(error: { code: string; message: string }): { headline: string; detail: string } {
  const headline = isKnown(error.code) ? errorHeadlines[error.code] : FALLBACK;
  const message = error.message.trim();
  return { headline, detail: message === headline ? "" : message };
}

/** The same as one line of text, for the terminal: "Not allowed. Only operators can kick." */
export function errorLine(error: { code: string; message: string }): string {
  const { headline, detail } = errorText(error);
  return detail === "" ? headline : `${headline} ${detail}`;
}
