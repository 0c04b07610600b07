import { handshakeSchema, SUPPORTED_PROTOCOL_VERSIONS, type HandshakeRefusal } from "@canaduck/contract";
import { anonymous, DomainError, StoreUnavailableError } from "@canaduck/domain";
import type { ExtendedError } from "socket.io";
import { randomUUID } from "node:crypto";
import type { Security } from "../security/security";
import type { ConnectReads } from "./connect-batches";
import type { ChatSocket } from "./types";

const refusal = (code: HandshakeRefusal["code"], message: string, retryAfterMs?: number): ExtendedError => {
  const error: ExtendedError = new Error(message);
  error.data = {
    code,
    message,
    supportedProtocols: [...SUPPORTED_PROTOCOL_VERSIONS],
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  } satisfies HandshakeRefusal;
  return error;
};

/**
 * Socket.IO middleware: checks the protocol version, and the session token when there is one.
 * Without a token the connection is anonymous and may only register or log in.
 */
export const handshakeMiddleware =
  (reads: ConnectReads, security: Security) =>
  (socket: ChatSocket, next: (err?: ExtendedError) => void): void => {
    checkHandshake(reads, security, socket, next).catch((error: unknown) =>
      next(error instanceof Error ? error : new Error("handshake failed")),
    );
  };

async function checkHandshake(
  reads: ConnectReads,
  security: Security,
  socket: ChatSocket,
  next: (err?: ExtendedError) => void,
): Promise<void> {
  socket.data.address = security.addressOf(socket.handshake);
  const limited = await security.guard.admitConnection(socket.data.address);
  if (limited) return next(refusal("RATE_LIMITED", limited.message, limited.retryAfterMs));
  const parsed = handshakeSchema.safeParse(socket.handshake.auth);
  if (!parsed.success) {
    return next(
      refusal(
        "UNSUPPORTED_PROTOCOL",
        `State your protocol version in auth.protocol; this server speaks ${SUPPORTED_PROTOCOL_VERSIONS.join(", ")}.`,
      ),
    );
  }
  const { protocol, token } = parsed.data;
  if (!SUPPORTED_PROTOCOL_VERSIONS.includes(protocol)) {
    return next(
      refusal(
        "UNSUPPORTED_PROTOCOL",
        `Protocol ${protocol} is not supported; this server speaks ${SUPPORTED_PROTOCOL_VERSIONS.join(", ")}.`,
      ),
    );
  }
  socket.data.connectionId = randomUUID().slice(0, 8);
  socket.data.actor = anonymous;
  if (token === undefined) return next();
  try {
    socket.data.actor = await reads.authenticate(token);
    return next();
  } catch (error) {
    if (
      error instanceof DomainError &&
      (error.code === "NOT_AUTHENTICATED" || error.code === "SESSION_EXPIRED" || error.code === "SUSPENDED")
    ) {
      return next(refusal(error.code, error.message));
    }
    if (error instanceof StoreUnavailableError) {
      return next(refusal("UNAVAILABLE", "The server cannot reach its database; try again shortly."));
    }
    throw error;
  }
}

/** The session token a connection authenticated with in its handshake, if any. */
export const handshakeToken = (socket: ChatSocket): string | undefined =>
  handshakeSchema.safeParse(socket.handshake.auth).data?.token;
