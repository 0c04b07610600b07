import { errorCodeSchema, type ChatError, type ErrorCode } from "@canaduck/contract";
import { z } from "zod";

/**
 * The HTTP status each error code is answered with. Typed over every code, so a code added to
 * the contract must be given its status here before the server compiles.
 */
const statusOfCode: { [C in ErrorCode]: number } = {
  INVALID_PAYLOAD: 400,
  UNKNOWN_COMMAND: 400,
  INVALID_NICK: 400,
  INVALID_QUERY: 400,
  UNSUPPORTED_PROTOCOL: 400,
  NOT_AUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  INSUFFICIENT_SCOPE: 403,
  WEBHOOK_URL_REFUSED: 400,
  BAD_SIGNATURE: 401,
  STALE_SIGNATURE: 401,
  REPLAYED_SIGNATURE: 409,
  TOO_MANY_WEBHOOKS: 409,
  NO_SUCH_WEBHOOK: 404,
  SUSPENDED: 403,
  BANNED: 403,
  INVITE_ONLY: 403,
  NOT_A_MEMBER: 403,
  TOO_MANY_CHANNELS: 403,
  UNKNOWN_EVENT: 404,
  NO_SUCH_CHANNEL: 404,
  NO_SUCH_USER: 404,
  NO_SUCH_SESSION: 404,
  NO_SUCH_TOKEN: 404,
  NO_SUCH_MESSAGE: 404,
  NO_SUCH_FILE: 404,
  FILE_TOO_LARGE: 413,
  UPLOAD_QUOTA_EXCEEDED: 429,
  NICK_IN_USE: 409,
  ALREADY_A_MEMBER: 409,
  ALREADY_AUTHENTICATED: 409,
  NOT_BANNED: 409,
  NOT_EDITABLE: 409,
  MESSAGE_DELETED: 409,
  ALREADY_REACTED: 409,
  NOT_REACTED: 409,
  TOO_MANY_REACTIONS: 409,
  TOO_MANY_IGNORED: 409,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

export const statusOf = (code: ErrorCode): number => statusOfCode[code];

/** RFC 9457 problem details, carrying the same code (and retryAfterMs) a Socket.IO ack would. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: errorCodeSchema,
  retryAfterMs: z.number().int().nonnegative().optional(),
});
export type Problem = z.infer<typeof problemSchema>;

/** A refusal as the HTTP response that carries it: status, headers and problem+json body. */
export function problemResponse(error: ChatError, status = statusOf(error.code)): Response {
  const body: Problem = {
    type: `urn:canaduck:error:${error.code.toLowerCase()}`,
    title: error.code,
    status,
    detail: error.message,
    code: error.code,
    ...(error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }),
  };
  const headers = new Headers({ "Content-Type": "application/problem+json", "Cache-Control": "no-store" });
  if (error.retryAfterMs !== undefined)
    headers.set("Retry-After", String(Math.max(1, Math.ceil(error.retryAfterMs / 1000))));
  else if (status === 503) headers.set("Retry-After", "5");
  if (status === 401) headers.set("WWW-Authenticate", 'Bearer realm="canaduck"');
  return new Response(JSON.stringify(body), { status, headers });
}

export const invalid = (message: string, status = 400): Response =>
  problemResponse({ code: "INVALID_PAYLOAD", message }, status);
