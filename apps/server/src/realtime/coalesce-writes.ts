import type { Socket as TcpSocket } from "node:net";
import type { ChatServer } from "./types";

/** The parts of engine.io's connection and ws's WebSocket this reaches into (both untyped there). */
interface EngineConnection {
  transport?: { name?: string; socket?: { _socket?: TcpSocket } };
}

const tcpOf = (conn: EngineConnection): TcpSocket | undefined =>
  conn.transport?.name === "websocket" ? conn.transport.socket?._socket : undefined;

/**
 * engine.io hands a connection's queued packets to the WebSocket one frame at a time, and each
 * frame is its own write system call. A batch of sends queues several lines (and acks) for the
 * same connection at once, so on a busy node those calls were a third of the CPU. Corking the
 * TCP socket while engine.io flushes more than one packet sends them in one write; engine.io
 * emits "drain" right after handing them over, in the same tick, where the cork is lifted.
 */
export function coalesceWrites(io: ChatServer): void {
  const corked = new WeakSet<TcpSocket>();
  io.engine.on("flush", (conn: EngineConnection, buffer: unknown[]) => {
    const tcp = buffer.length > 1 ? tcpOf(conn) : undefined;
    if (tcp === undefined || corked.has(tcp)) return;
    tcp.cork();
    corked.add(tcp);
  });
  io.engine.on("drain", (conn: EngineConnection) => {
    const tcp = tcpOf(conn);
    if (tcp === undefined || !corked.has(tcp)) return;
    corked.delete(tcp);
    tcp.uncork();
  });
}
