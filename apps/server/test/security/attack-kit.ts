import { PROTOCOL_VERSION, type Ack } from "@canaduck/contract";
import { io as connect } from "socket.io-client";
import { HandshakeRefused, type ClientSocket } from "../harness";

export interface RawConnectOptions {
  auth?: Record<string, unknown>;
  /** Sent as the Origin header, as a browser on that site would. */
  origin?: string;
  headers?: Record<string, string>;
  transport?: "websocket" | "polling";
}

/** A socket.io-client connection with the headers an attacker chooses; rejects with the refusal. */
export async function rawConnect(url: string, o: RawConnectOptions = {}): Promise<ClientSocket> {
  const headers = { ...o.headers, ...(o.origin === undefined ? {} : { Origin: o.origin }) };
  const socket: ClientSocket = connect(url, {
    auth: { protocol: PROTOCOL_VERSION, ...o.auth },
    transports: [o.transport ?? "websocket"],
    extraHeaders: headers,
    reconnection: false,
    forceNew: true,
    timeout: 5_000,
  });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", () => resolve());
      socket.once("connect_error", (err: Error & { data?: unknown }) =>
        reject(new HandshakeRefused(err.message, err.data)),
      );
    });
  } catch (error) {
    socket.close();
    throw error;
  }
  return socket;
}

/** Emits any event with any payload, as a hostile client would, and resolves with its ack. */
export function emitRaw(
  socket: ClientSocket,
  event: string,
  payload: unknown,
  timeoutMs = 10_000,
): Promise<Ack<unknown>> {
  const timed = socket.timeout(timeoutMs) as unknown as {
    emit(event: string, payload: unknown, ack: (err: Error | null, result: Ack<unknown>) => void): void;
  };
  return new Promise((resolve, reject) => {
    timed.emit(event, payload, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

/** Resolves once `socket` is disconnected, with Socket.IO's reason; rejects after `timeoutMs`. */
export function disconnected(socket: ClientSocket, timeoutMs = 5_000): Promise<string> {
  if (socket.disconnected) return Promise.resolve("already disconnected");
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`still connected after ${timeoutMs} ms`)), timeoutMs);
    socket.once("disconnect", (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

export const codeOf = (ack: Ack<unknown>): string => (ack.ok ? "ok" : ack.error.code);
