import { connect, type Socket } from "node:net";
import type { Socket as IoSocket } from "socket.io-client";
import { emitRaw } from "../raw-socket";

/** Sends `rate` lines a second for `seconds` into `channel` over CanaDuck, `prefix n` each. */
export async function floodCanaduck(
  socket: IoSocket,
  channel: string,
  rate: number,
  seconds: number,
  start: number,
): Promise<number> {
  let n = start;
  const tickMs = 50;
  const perTick = Math.max(1, Math.round((rate * tickMs) / 1000));
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    const tick = Date.now();
    for (let i = 0; i < perTick; i++)
      void emitRaw(socket, "message:send", { target: channel, text: `flood line ${(n += 1)}` });
    await new Promise((r) => setTimeout(r, Math.max(0, tickMs - (Date.now() - tick))));
  }
  return n;
}

/** Sends `count` more lines as fast as the server acknowledges them, `inFlight` at a time. */
export async function burstCanaduck(socket: IoSocket, channel: string, count: number, start: number): Promise<number> {
  let n = start;
  const inFlight = 50;
  const last = start + count;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (n < last) await emitRaw(socket, "message:send", { target: channel, text: `flood line ${(n += 1)}` });
    }),
  );
  return n;
}

/** One IRC connection, registered and in `channel`. */
export async function ircClient(port: number, nick: string, channel: string): Promise<Socket> {
  const socket = connect(port, "127.0.0.1");
  await new Promise<void>((resolve, reject) => {
    let buffer = "";
    socket.on("data", (chunk) => {
      buffer += chunk.toString();
      for (const line of buffer.split("\r\n").slice(0, -1)) {
        if (line.startsWith("PING")) socket.write(`PONG ${line.slice(5)}\r\n`);
        if (/ 366 /.test(line)) resolve();
      }
      buffer = buffer.slice(buffer.lastIndexOf("\r\n") + 2);
    });
    socket.once("error", reject);
    socket.write(`NICK ${nick}\r\nUSER ${nick} 0 * :${nick}\r\nJOIN ${channel}\r\n`);
  });
  return socket;
}

/**
 * Sends `rate` lines a second for `seconds` into an IRC channel, spread over several connections
 * (an IRC server throttles one client's commands, as ngIRCd does).
 */
export async function floodIrc(
  clients: readonly Socket[],
  channel: string,
  rate: number,
  seconds: number,
  start: number,
) {
  let n = start;
  const tickMs = 50;
  const perTick = Math.max(1, Math.round((rate * tickMs) / 1000));
  const end = Date.now() + seconds * 1000;
  let next = 0;
  while (Date.now() < end) {
    const tick = Date.now();
    for (let i = 0; i < perTick; i++) {
      const client = clients[next++ % clients.length];
      client?.write(`PRIVMSG ${channel} :flood line ${(n += 1)}\r\n`);
    }
    await new Promise((r) => setTimeout(r, Math.max(0, tickMs - (Date.now() - tick))));
  }
  return n;
}
