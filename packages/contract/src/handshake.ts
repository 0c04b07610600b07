import { z } from "zod";

/** What a client sends as Socket.IO's `auth` in the handshake. */
export const handshakeSchema = z.object({
  /** The protocol version the client speaks; see PROTOCOL_VERSION. */
  protocol: z.number().int().positive(),
  /** A session token from auth:register or auth:login; without it the connection is anonymous. */
  token: z.string().min(1).max(256).optional(),
});
export type Handshake = z.infer<typeof handshakeSchema>;

/** The `data` of the connect_error with which the server refuses a handshake. */
export const handshakeRefusalSchema = z.object({
  code: z.enum([
    "UNSUPPORTED_PROTOCOL",
    "NOT_AUTHENTICATED",
    "SESSION_EXPIRED",
    "SUSPENDED",
    "RATE_LIMITED",
    "UNAVAILABLE",
  ]),
  message: z.string(),
  supportedProtocols: z.array(z.number().int()),
  /** With RATE_LIMITED: how long to wait before connecting again. */
  retryAfterMs: z.number().int().nonnegative().optional(),
});
export type HandshakeRefusal = z.infer<typeof handshakeRefusalSchema>;
