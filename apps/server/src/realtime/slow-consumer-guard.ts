import type { Logger } from "../logger";
import type { ChatServer } from "./types";

/** What a connection has queued for the client but not yet handed to the kernel. */
function queuedBytes(conn: unknown): number {
  const c = conn as { writeBuffer?: unknown[]; transport?: { socket?: { bufferedAmount?: number } } };
  // engine.io keeps packets in writeBuffer while the transport is busy; ws keeps bytes in bufferedAmount.
  return (c.transport?.socket?.bufferedAmount ?? 0) + (c.writeBuffer?.length ?? 0) * 1024;
}

/**
 * A client that stops reading would make the server buffer everything sent to it, without
 * bound. Every `intervalMs`, connections with more than `maxBytes` queued are dropped; the
 * client reconnects and its catch-up fetches what it missed from the database.
 */
export function startSlowConsumerGuard(io: ChatServer, logger: Logger, maxBytes: number, intervalMs = 250): () => void {
  const timer = setInterval(() => {
    for (const socket of io.sockets.sockets.values()) {
      const queued = queuedBytes(socket.conn);
      if (queued > maxBytes) {
        logger.warn({ conn: socket.data.connectionId, queued }, "dropping a connection that stopped reading");
        socket.disconnect(true);
        // The transport may be stuck writing; close the underlying connection too.
        socket.conn.close();
      }
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
