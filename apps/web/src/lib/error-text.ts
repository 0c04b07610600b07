/** A short headline per error code (server or parser); the message (plain words too) gives the detail. */
const headlines: Record<string, string> = {
  INVALID_PAYLOAD: "That did not work.",
  UNKNOWN_COMMAND: "Unknown command.",
  NOT_AUTHENTICATED: "Please log in again.",
  ALREADY_AUTHENTICATED: "You are already logged in.",
  INVALID_CREDENTIALS: "Wrong name or password.",
  SESSION_EXPIRED: "Your session has expired.",
  NICK_IN_USE: "That name is taken.",
  INVALID_NICK: "That name is not allowed.",
  NO_SUCH_CHANNEL: "No such channel.",
  NO_SUCH_USER: "No such user.",
  NOT_A_MEMBER: "Not a member.",
  ALREADY_A_MEMBER: "Already a member.",
  FORBIDDEN: "Not allowed.",
  BANNED: "Banned.",
  INVITE_ONLY: "Invite only.",
  NOT_BANNED: "Not banned.",
  RATE_LIMITED: "Slow down.",
  UNSUPPORTED_PROTOCOL: "Please reload the page.",
  UNAVAILABLE: "The server is unreachable.",
  INTERNAL: "Something went wrong on the server.",
  // The slash-command parser's own codes.
  MISSING_ARGUMENT: "Something is missing.",
  TOO_MANY_ARGUMENTS: "Too many words.",
  INVALID_ARGUMENT: "Check the command.",
  NO_TARGET: "Nowhere to send that.",
};

/** What to show for an error: a headline keyed by its code, then the details. */
export function errorText(error: { code: string; message: string }): { headline: string; detail: string } {
  const headline = headlines[error.code] ?? "That did not work.";
  const detail = error.message.trim() === headline ? "" : error.message.trim();
  return { headline, detail };
}
