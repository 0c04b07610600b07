import type { Socket as TcpSocket } from "node:net";
import type { Logger } from "../logger";
import type { ChatServer, ChatSocket } from "./types";

/** The parts of engine.io's connection and ws's WebSocket this reaches into (both untyped there). */
interface EngineConnection {
  writeBuffer?: Array<{ data?: unknown }>;
  transport?: { name?: string; socket?: { bufferedAmount?: number; _socket?: TcpSocket } };
  write(data: unknown, options?: unknown, callback?: unknown): unknown;
  close(discard?: boolean): void;
}

const sizeOf = (data: unknown): number =>
  typeof data === "string"
    ? data.length
    : data instanceof ArrayBuffer || ArrayBuffer.isView(data)
      ? data.byteLength
      : 64;

/** What a connection has queued for the client but not yet handed to the kernel. */
function queuedBytes(c: EngineConnection): number {
  // engine.io keeps packets in writeBuffer while the transport waits for a write to finish;
  // the WebSocket keeps bytes it could not hand to the kernel in bufferedAmount.
  const buffered = (c.writeBuffer ?? []).reduce((sum, packet) => sum + sizeOf(packet.data), 0);
  return buffered + (c.transport?.socket?.bufferedAmount ?? 0);
}

/** Closes a connection whose client stopped reading, at once: a polite close would wait behind what is queued. */
function drop(socket: ChatSocket, conn: EngineConnection, queued: number, logger: Logger): void {
  logger.warn({ conn: socket.data.connectionId, queued }, "dropping a connection that stopped reading");
  const tcp = conn.transport?.name === "websocket" ? conn.transport.socket?._socket : undefined;
  if (tcp) tcp.destroy();
  else conn.close(true);
}

/**
 * A client that stops reading would make the server buffer everything sent to it, without
 * bound. Before each packet is queued for `socket` (an ack, an emit, a broadcast: all reach
 * engine.io's write), what is already queued is counted, and a packet that would take it past
 * `maxBytes` drops the connection instead; the client reconnects and its catch-up fetches what
 * it missed from the database. One packet is always let through to an empty queue, so a page
 * larger than the limit still reaches a client that reads.
 */
export function holdToLimit(socket: ChatSocket, logger: Logger, maxBytes: number): void {
  const conn = socket.conn as unknown as EngineConnection;
  const write = conn.write.bind(conn);
  let dropped = false;
  conn.write = (data, options, callback) => {
    if (dropped) return conn;
    const queued = queuedBytes(conn);
    if (queued > 0 && queued + sizeOf(data) > maxBytes) {
      dropped = true;
      drop(socket, conn, queued, logger);
      return conn;
    }
    return write(data, options, callback);
  };
}

/**
 * The same bound, checked every `intervalMs` for what grew in the transport after it was
 * queued (a WebSocket's buffer fills as the kernel's does).
 */
export function startSlowConsumerGuard(io: ChatServer, logger: Logger, maxBytes: number, intervalMs = 250): () => void {
  const timer = setInterval(() => {
    for (const socket of io.sockets.sockets.values()) {
      const conn = socket.conn as unknown as EngineConnection;
      const queued = queuedBytes(conn);
      if (queued > maxBytes) drop(socket, conn, queued, logger);
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
