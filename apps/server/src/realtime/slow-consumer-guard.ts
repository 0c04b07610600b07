import type { Logger } from "../logger";
import type { ChatServer } from "./types";

interface EngineConnection {
  writeBuffer?: Array<{ data?: unknown }>;
  transport?: { socket?: { bufferedAmount?: number } };
}

const sizeOf = (data: unknown): number =>
  typeof data === "string"
    ? data.length
    : data instanceof ArrayBuffer || ArrayBuffer.isView(data)
      ? data.byteLength
      : 64;

/** What a connection has queued for the client but not yet handed to the kernel. */
function queuedBytes(conn: unknown): number {
  const c = conn as EngineConnection;
  // engine.io keeps packets in writeBuffer while the transport waits for a write to finish;
  // the WebSocket keeps bytes it could not hand to the kernel in bufferedAmount.
  const buffered = (c.writeBuffer ?? []).reduce((sum, packet) => sum + sizeOf(packet.data), 0);
  return buffered + (c.transport?.socket?.bufferedAmount ?? 0);
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
