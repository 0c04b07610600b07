import { handshakeSchema, SUPPORTED_PROTOCOL_VERSIONS, type HandshakeRefusal } from "@canaduck/contract";
import { anonymous, authenticate, DomainError, StoreUnavailableError, type DomainDeps } from "@canaduck/domain";
import type { ExtendedError } from "socket.io";
import { randomUUID } from "node:crypto";
import type { ChatSocket } from "./types";

const refusal = (code: HandshakeRefusal["code"], message: string): ExtendedError => {
  const error: ExtendedError = new Error(message);
  error.data = { code, message, supportedProtocols: [...SUPPORTED_PROTOCOL_VERSIONS] } satisfies HandshakeRefusal;
  return error;
};

/**
 * Socket.IO middleware: checks the protocol version, and the session token when there is one.
 * Without a token the connection is anonymous and may only register or log in.
 */
export const handshakeMiddleware =
  (deps: DomainDeps) =>
  (socket: ChatSocket, next: (err?: ExtendedError) => void): void => {
    checkHandshake(deps, socket, next).catch((error: unknown) =>
      next(error instanceof Error ? error : new Error("handshake failed")),
    );
  };

async function checkHandshake(deps: DomainDeps, socket: ChatSocket, next: (err?: ExtendedError) => void): Promise<void> {
    const parsed = handshakeSchema.safeParse(socket.handshake.auth);
    if (!parsed.success) {
      return next(refusal("UNSUPPORTED_PROTOCOL", `State your protocol version in auth.protocol; this server speaks ${SUPPORTED_PROTOCOL_VERSIONS.join(", ")}.`));
    }
    const { protocol, token } = parsed.data;
    if (!SUPPORTED_PROTOCOL_VERSIONS.includes(protocol)) {
      return next(refusal("UNSUPPORTED_PROTOCOL", `Protocol ${protocol} is not supported; this server speaks ${SUPPORTED_PROTOCOL_VERSIONS.join(", ")}.`));
    }
    socket.data.connectionId = randomUUID().slice(0, 8);
    socket.data.actor = anonymous;
    if (token === undefined) return next();
    try {
      socket.data.actor = await authenticate(deps, token);
      return next();
    } catch (error) {
      if (error instanceof DomainError && (error.code === "NOT_AUTHENTICATED" || error.code === "SESSION_EXPIRED")) {
        return next(refusal(error.code, error.message));
      }
      if (error instanceof StoreUnavailableError) {
        return next(refusal("UNAVAILABLE", "The server cannot reach its database; try again shortly."));
      }
      throw error;
    }
}
