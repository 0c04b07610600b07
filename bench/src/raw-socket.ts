import { PROTOCOL_VERSION, type Ack } from "@canaduck/contract";
import { io, type Socket } from "socket.io-client";

/**
 * A bare Socket.IO client that can emit anything, as an attacker's script would.
 * `handshakeTimeoutMs`: longer than Socket.IO's 20 s for a bench connecting thousands at once.
 */
export async function rawSocket(url: string, token?: string, handshakeTimeoutMs?: number): Promise<Socket> {
  const socket = io(url, {
    auth: token ? { protocol: PROTOCOL_VERSION, token } : { protocol: PROTOCOL_VERSION },
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
    ...(handshakeTimeoutMs === undefined ? {} : { timeout: handshakeTimeoutMs }),
  });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  return socket;
}

/** Emits and resolves with the ack, or with null when none comes within `timeoutMs`. */
export function emitRaw(
  socket: Socket,
  event: string,
  payload: unknown,
  timeoutMs = 5_000,
): Promise<Ack<unknown> | null> {
  return new Promise((resolve) => {
    socket.timeout(timeoutMs).emit(event, payload, (err: Error | null, ack: Ack<unknown>) => resolve(err ? null : ack));
  });
}

/** Registers an account over a raw socket and returns its token. */
export async function registerRaw(url: string, name: string): Promise<string> {
  const socket = await rawSocket(url);
  const ack = (await emitRaw(socket, "auth:register", { name, password: "bench password" })) as Ack<{
    token: string;
  }> | null;
  socket.disconnect();
  if (!ack?.ok) throw new Error(`register ${name} failed`);
  return ack.data.token;
}
