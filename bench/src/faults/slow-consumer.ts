import type { Socket } from "socket.io-client";
import { converse } from "../bystander";
import { closeFleet, joinAll, registerFleet } from "../chat-fleet";
import { emitRaw, rawSocket, registerRaw } from "../raw-socket";
import { ServerProcess } from "../server-process";
import { percentile, sleep } from "../stats";

export interface SlowConsumerOptions {
  publishers: number;
  /** Messages per second per publisher, each about 4 KB. */
  rate: number;
  /** Length of each phase: the load alone, then the load with the slow client. */
  durationMs: number;
  /** The server's per-connection buffer bound (MAX_QUEUED_BYTES_PER_CONNECTION). */
  maxQueuedBytes: number;
}

export interface SlowConsumerResult {
  sent: number;
  bytesToSlowClient: number;
  slowClientDropped: boolean;
  baselineRss: number;
  peakRss: number;
  /** Bystander lines that never arrived (within 10 s), over both phases. */
  unheard: number;
  /** Bystander p99 under the same load without, then with, the slow client. */
  loadP99Ms: number;
  loadWithSlowClientP99Ms: number;
}

/** Stops reading from the socket, as a client on a stalled network would; the server keeps writing. */
function stopReading(socket: Socket): void {
  const transport = socket.io.engine.transport as unknown as { ws?: { _socket?: { pause(): void } } };
  const tcp = transport.ws?._socket;
  if (!tcp) throw new Error("no TCP socket under the WebSocket transport");
  tcp.pause();
}

/**
 * A client that never reads sits in a busy channel: the server must drop it rather than buffer
 * without bound, and the other clients' latency must not suffer.
 */
export async function slowConsumer(o: SlowConsumerOptions): Promise<SlowConsumerResult> {
  const server = new ServerProcess({ MAX_QUEUED_BYTES_PER_CONNECTION: String(o.maxQueuedBytes) });
  await server.start();
  const publishers: Socket[] = [];
  for (let i = 0; i < o.publishers; i++)
    publishers.push(await rawSocket(server.url, await registerRaw(server.url, `pub${i}`)));
  const [speaker, listener] = await registerFleet(server.url, "calm", 2);
  if (!speaker || !listener) throw new Error("fleet");
  const slowToken = await registerRaw(server.url, "sloth");
  const slow = await rawSocket(server.url, slowToken);
  try {
    await joinAll([speaker, listener], ["#busy"]);
    for (const socket of publishers) await emitRaw(socket, "channel:join", { channel: "#busy" });
    let sent = 0;
    const phase = async (beforeLoad: () => Promise<void>) => {
      await beforeLoad();
      const bystander = converse(speaker, listener, "#busy", 25);
      const started = sent;
      // Bare sockets publish, so the load generator spends little CPU of its own.
      await Promise.all(
        publishers.map(async (socket, p) => {
          const end = Date.now() + o.durationMs;
          for (let n = 0; Date.now() < end; n++) {
            void emitRaw(socket, "message:send", { target: "#busy", text: `pub${p}#${sent++}`.padEnd(4_000, ".") });
            await sleep(1000 / o.rate);
          }
        }),
      );
      await bystander.stop();
      return { sent: sent - started, p99: percentile(bystander.latencies, 99), unheard: bystander.unheard };
    };
    const loadOnly = await phase(() => Promise.resolve());
    const baselineRss = server.rss();
    server.resetPeak();
    // It stops reading as soon as it is in: its kernel buffers stay at their initial size.
    const withSlow = await phase(async () => {
      await emitRaw(slow, "channel:join", { channel: "#busy" });
      stopReading(slow);
    });

    const who = await speaker.client.request("channel:who", { channel: "#busy" }, true);
    const sloth = who.ok ? who.data.members.find((m) => m.name === "sloth") : undefined;
    return {
      sent: withSlow.sent,
      bytesToSlowClient: withSlow.sent * 4_100,
      slowClientDropped: sloth?.online === false,
      unheard: loadOnly.unheard + withSlow.unheard,
      baselineRss,
      peakRss: server.peakRssBytes,
      loadP99Ms: loadOnly.p99,
      loadWithSlowClientP99Ms: withSlow.p99,
    };
  } finally {
    for (const socket of [...publishers, slow]) socket.disconnect();
    closeFleet([speaker, listener]);
    await server.dispose();
  }
}
