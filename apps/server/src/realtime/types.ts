import type { ClientToServerEvents, ServerToClientEvents } from "@canaduck/contract";
import type { Actor } from "@canaduck/domain";
import type { Server, Socket } from "socket.io";

export interface SocketData {
  actor: Actor;
  /** Short id that every log line about this connection carries. */
  connectionId: string;
  /** The client's address as per-address rate limits count it (security/client-address.ts). */
  address: string;
}

// Events with acks are handled generically (onAny), so the server's view of client events is loose.
export type ChatServer = Server<Record<string, never>, ServerToClientEvents, Record<string, never>, SocketData>;
export type ChatSocket = Socket<Record<string, never>, ServerToClientEvents, Record<string, never>, SocketData>;
export type { ClientToServerEvents };
