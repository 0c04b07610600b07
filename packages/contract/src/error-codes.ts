import { z } from "zod";

/** Every error CanaDuck reports carries one of these codes; clients key their messages on them. */
export const errorCodes = [
  "INVALID_PAYLOAD",
  "UNKNOWN_EVENT",
  "UNKNOWN_COMMAND",
  "NOT_AUTHENTICATED",
  "ALREADY_AUTHENTICATED",
  "INVALID_CREDENTIALS",
  "SESSION_EXPIRED",
  "SUSPENDED",
  "NICK_IN_USE",
  "INVALID_NICK",
  "NO_SUCH_CHANNEL",
  "NO_SUCH_USER",
  "NO_SUCH_SESSION",
  "NO_SUCH_TOKEN",
  "INSUFFICIENT_SCOPE",
  "NO_SUCH_WEBHOOK",
  "TOO_MANY_WEBHOOKS",
  "WEBHOOK_URL_REFUSED",
  "BAD_SIGNATURE",
  "STALE_SIGNATURE",
  "REPLAYED_SIGNATURE",
  "NOT_A_MEMBER",
  "ALREADY_A_MEMBER",
  "FORBIDDEN",
  "BANNED",
  "INVITE_ONLY",
  "TOO_MANY_CHANNELS",
  "NOT_BANNED",
  "NO_SUCH_MESSAGE",
  "NOT_EDITABLE",
  "MESSAGE_DELETED",
  "ALREADY_REACTED",
  "NOT_REACTED",
  "TOO_MANY_REACTIONS",
  "TOO_MANY_IGNORED",
  "INVALID_QUERY",
  "NO_SUCH_FILE",
  "FILE_TOO_LARGE",
  "UPLOAD_QUOTA_EXCEEDED",
  "RATE_LIMITED",
  "UNSUPPORTED_PROTOCOL",
  "UNAVAILABLE",
  "INTERNAL",
] as const;

export const errorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof errorCodeSchema>;
/** `ErrorCodes.FORBIDDEN === "FORBIDDEN"`: lets code name a code without a string literal. */
export const ErrorCodes = errorCodeSchema.enum;

export const errorSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  /** Present with RATE_LIMITED: how long to wait before trying again. */
  retryAfterMs: z.number().int().nonnegative().optional(),
});
export type ChatError = z.infer<typeof errorSchema>;
