import { connect } from "node:net";
import type { Socket } from "socket.io-client";
import { emitRaw, rawSocket, registerRaw } from "../raw-socket";
import { sleep } from "../stats";

/**
 * One attack from one address: `prepare` registers its accounts (hashing passwords is not the
 * attack, so it happens before the canary watches), and the attack it returns runs for
 * `durationMs` and says what it got.
 */
export interface Attack {
  name: string;
  prepare(url: string): Promise<(durationMs: number) => Promise<string>>;
}

async function attackers(url: string, prefix: string, count: number): Promise<Socket[]> {
  const sockets: Socket[] = [];
  for (let i = 0; i < count; i++) sockets.push(await rawSocket(url, await registerRaw(url, `${prefix}${i}`)));
  return sockets;
}

/** Keeps `inFlight` of `event` outstanding on each socket until the time is up; counts the answers. */
async function keepInFlight(
  sockets: Socket[],
  inFlight: number,
  durationMs: number,
  event: string,
  payload: unknown,
): Promise<string> {
  const end = Date.now() + durationMs;
  let answered = 0;
  let refused = 0;
  await Promise.all(
    sockets.flatMap((socket) =>
      Array.from({ length: inFlight }, async () => {
        while (Date.now() < end) {
          const ack = await emitRaw(socket, event, payload, 10_000);
          if (ack?.ok) answered += 1;
          else refused += 1;
          // A refused client is told when to come back; an attacker does not wait that long.
          if (!ack?.ok) await sleep(5);
        }
      }),
    ),
  );
  for (const socket of sockets) socket.disconnect();
  return `${answered} answered, ${refused} refused or unanswered`;
}

const stopReading = (socket: Socket): void => {
  const transport = socket.io.engine.transport as unknown as { ws?: { _socket?: { pause(): void } } };
  transport.ws?._socket?.pause();
};

export const attacks: Attack[] = [
  {
    name: "readers that stop reading (10 × 30 history:read of 2.1 MB)",
    async prepare(url) {
      const sockets = await attackers(url, "sloth", 10);
      for (const socket of sockets) await emitRaw(socket, "channel:join", { channel: "#big" });
      return async (durationMs) => {
        for (const socket of sockets) {
          stopReading(socket);
          for (let i = 0; i < 30; i++) socket.emit("history:read", { target: "#big", limit: 200 }, () => undefined);
        }
        await sleep(durationMs);
        const dropped = sockets.filter((s) => !s.connected).length;
        for (const socket of sockets) socket.disconnect();
        return `${dropped} of 10 seen closed by the client (a paused client may not notice)`;
      };
    },
  },
  {
    name: "history:read flood (8 sockets × 16 in flight, 200 lines)",
    async prepare(url) {
      const sockets = await attackers(url, "reader", 8);
      for (const socket of sockets) await emitRaw(socket, "channel:join", { channel: "#big" });
      return (durationMs) => keepInFlight(sockets, 16, durationMs, "history:read", { target: "#big", limit: 200 });
    },
  },
  {
    name: "typing:set burst (10,000 at once on one socket)",
    async prepare(url) {
      const [socket] = await attackers(url, "typist", 1);
      if (!socket) throw new Error("no socket");
      await emitRaw(socket, "channel:join", { channel: "#canary" });
      return async (durationMs) => {
        const acks = await Promise.all(
          Array.from({ length: 10_000 }, () =>
            emitRaw(socket, "typing:set", { target: "#canary", typing: true }, durationMs + 10_000),
          ),
        );
        socket.disconnect();
        return `${acks.filter((a) => a?.ok).length} answered ok, ${acks.filter((a) => a && !a.ok).length} refused`;
      };
    },
  },
  {
    name: "channel:who / session:state (64 in flight on one socket each)",
    async prepare(url) {
      const [who, state] = await attackers(url, "asker", 2);
      if (!who || !state) throw new Error("no socket");
      await emitRaw(who, "channel:join", { channel: "#canary" });
      return async (durationMs) => {
        const [a, b] = await Promise.all([
          keepInFlight([who], 64, durationMs, "channel:who", { channel: "#canary" }),
          keepInFlight([state], 64, durationMs, "session:state", {}),
        ]);
        return `who: ${a}; state: ${b}`;
      };
    },
  },
  {
    name: "channel:list (8 sockets × 16 in flight)",
    async prepare(url) {
      const sockets = await attackers(url, "lister", 8);
      return (durationMs) => keepInFlight(sockets, 16, durationMs, "channel:list", {});
    },
  },
  {
    name: "half-open HTTP requests (200 × a request line and Host, then silence)",
    prepare: (url) =>
      Promise.resolve(async (durationMs) => {
        const { port, hostname } = new URL(url);
        const started = performance.now();
        const closedAfter: number[] = [];
        const sockets = Array.from({ length: 200 }, () => {
          const socket = connect(Number(port), hostname, () => socket.write("GET / HTTP/1.1\r\nHost: x\r\n"));
          socket.on("data", () => undefined);
          socket.on("error", () => undefined);
          socket.once("close", () => closedAfter.push(performance.now() - started));
          return socket;
        });
        await sleep(Math.max(durationMs, 12_000));
        const open = sockets.filter((s) => !s.destroyed).length;
        for (const socket of sockets) socket.destroy();
        const longest = Math.max(0, ...closedAfter);
        return `${200 - open} closed by the server (the last after ${(longest / 1000).toFixed(1)} s), ${open} still open`;
      }),
  },
];
