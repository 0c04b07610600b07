import {
  PROTOCOL_VERSION,
  type Ack,
  type ClientEventName,
  type ClientEventPayload,
  type ClientEventResult,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from "@canaduck/contract";
import { io, type ManagerOptions, type Socket, type SocketOptions } from "socket.io-client";

export type ChatSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type SocketOverrides = Partial<ManagerOptions & SocketOptions>;

/**
 * Opens the Socket.IO connection. The handshake's auth is read afresh on every (re)connect, so
 * a token obtained later, or forgotten, applies to the next attempt. Reconnection backs off
 * from 0.25 s to 1 s with ±50 % jitter, so a restarted server is not stampeded (the jitter
 * spreads a crowd's attempts over each step; an attempt the server is slow to answer is not
 * repeated until its handshake times out) and yet nobody waits more than a second after it
 * answers again. With a 5 s ceiling, a server down for a few seconds had its clients trickle
 * back for five more; with 2 s, 1,000 clients were back 1.9 s after it answered (bench:cost).
 * While the server is down, each client costs it nothing: a refused connection never reaches it.
 */
export function openSocket(url: string, token: () => string | null, overrides: SocketOverrides = {}): ChatSocket {
  return io(url, {
    auth: (cb) => {
      const t = token();
      cb(t === null ? { protocol: PROTOCOL_VERSION } : { protocol: PROTOCOL_VERSION, token: t });
    },
    transports: ["websocket"],
    reconnectionDelay: 250,
    reconnectionDelayMax: 1_000,
    randomizationFactor: 0.5,
    ...overrides,
  });
}

/** Emits a client event and resolves with its ack; a timeout or a lost connection resolves as UNAVAILABLE. */
export function call<E extends ClientEventName>(
  socket: ChatSocket,
  event: E,
  payload: ClientEventPayload<E>,
  timeoutMs: number,
): Promise<Ack<ClientEventResult<E>>> {
  if (!socket.connected) {
    return Promise.resolve({ ok: false, error: { code: "UNAVAILABLE", message: "Not connected to the server." } });
  }
  const timed = socket.timeout(timeoutMs);
  const emit = (
    timed.emit as unknown as (
      e: string,
      p: unknown,
      ack: (err: Error | null, res: Ack<ClientEventResult<E>>) => void,
    ) => void
  ).bind(timed);
  return new Promise((resolve) => {
    emit(event, payload, (err, result) =>
      resolve(
        err ? { ok: false, error: { code: "UNAVAILABLE", message: "The server did not answer in time." } } : result,
      ),
    );
  });
}
