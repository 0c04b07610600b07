import { PROTOCOL_VERSION } from "@canaduck/contract";
import { io, type Socket } from "socket.io-client";
import { cpuSplitOf } from "../server-process";
import { percentile, sleep } from "../stats";

/** How the generator speaks to the server under test: CanaDuck's contract, or the bare relay's. */
export type Protocol = "canaduck" | "relay";

export interface LoadClient {
  token?: string;
  /** The room (channel) this client listens to. */
  channel: string;
}

export interface LoadPlan {
  url: string | string[];
  protocol: Protocol;
  clients: LoadClient[];
  /** Publishers, each sending to its channels round-robin. */
  publishers: Array<{ token?: string; channels: string[] }>;
  /** Total messages per second across publishers. */
  rate: number;
  durationMs: number;
  payloadBytes: number;
  /**
   * At most this many unanswered sends per publisher, as a program pushing lines as fast as the
   * server takes them keeps (the server queues 64 a connection and refuses the rest): a message
   * due while its publisher is at the limit is not sent. Unset: every due message is sent.
   */
  inFlightPerPublisher?: number;
  /**
   * Relay only: publishers join the rooms they send to, as CanaDuck's publishers are members of
   * their channels and so are sent their own lines: both servers then fan out to as many sockets.
   */
  relayPublishersListen?: boolean;
  /** Server processes whose CPU time (user + system) is measured from the first send to the end of the drain. */
  serverPids?: number[];
  /** Called once everyone is connected, before anyone disconnects: for measurements of the connected state. */
  keepConnected?: () => Promise<number>;
}

export interface LoadResult {
  connectMs: number;
  sent: number;
  acked: number;
  /** Sends refused, by error code (they count as sent, never as acked). */
  refused: Record<string, number>;
  deliveries: number;
  deliveriesPerSecond: number;
  expectedDeliveries: number;
  /** Deliveries of acknowledged messages that had not arrived when the bench stopped waiting (30 s after the load). */
  lost: number;
  duplicated: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** When the last successful (so, for CanaDuck, committed) ack arrived, in ms after the first send; null if none did. */
  lastAckAtMs: number | null;
  /** When the bench stopped waiting for acks and deliveries, in ms after the first send. */
  stoppedAtMs: number;
  /** CPU seconds the serverPids used from the first send to the end of the drain (0 without serverPids). */
  serverCpuSeconds: number;
  /** Of serverCpuSeconds, the time spent in the kernel (socket writes, fsync). */
  serverSystemSeconds: number;
  /** What keepConnected returned. */
  measured?: number;
}

function connect(url: string, protocol: Protocol, token?: string): Socket {
  return io(url, {
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
    // Connected in waves by runLoad, so thousands of handshakes do not all start at once.
    autoConnect: false,
    timeout: 60_000,
    ...(protocol === "canaduck"
      ? { auth: token ? { protocol: PROTOCOL_VERSION, token } : { protocol: PROTOCOL_VERSION } }
      : {}),
  });
}

const connected = (socket: Socket) =>
  new Promise<void>((resolve, reject) => {
    if (socket.connected) return resolve();
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
    socket.connect();
  });

/**
 * C clients listen, P publishers send `payloadBytes` messages at a fixed total rate for a fixed
 * time; every client times each delivery from the send time carried in the message. Bounded in
 * count and time, loopback only.
 */
export async function runLoad(plan: LoadPlan): Promise<LoadResult> {
  const urls = Array.isArray(plan.url) ? plan.url : [plan.url];
  const started = performance.now();
  const listeners = plan.clients.map((c, i) => ({
    ...c,
    socket: connect(urls[i % urls.length] ?? "", plan.protocol, c.token),
  }));
  const publishers = plan.publishers.map((p, i) => ({
    ...p,
    socket: connect(urls[i % urls.length] ?? "", plan.protocol, p.token),
  }));
  // Connect in waves so the server's accept queue is not the thing being measured.
  for (let i = 0; i < listeners.length; i += 100)
    await Promise.all(listeners.slice(i, i + 100).map((l) => connected(l.socket)));
  await Promise.all(publishers.map((p) => connected(p.socket)));
  if (plan.protocol === "relay") {
    await Promise.all(listeners.map((l) => new Promise<void>((r) => l.socket.emit("join", l.channel, () => r()))));
    if (plan.relayPublishersListen)
      for (const p of publishers)
        await Promise.all(p.channels.map((c) => new Promise<void>((r) => p.socket.emit("join", c, () => r()))));
  }
  const connectMs = performance.now() - started;

  const membersOf = new Map<string, number>();
  for (const l of listeners) membersOf.set(l.channel, (membersOf.get(l.channel) ?? 0) + 1);
  const latencies: number[] = [];
  let duplicated = 0;
  const seen = listeners.map(() => new Set<number>());
  listeners.forEach((l, i) => {
    const onText = (text: string) => {
      const [id, sentAt] = text.split(":", 2);
      const key = Number(id);
      const set = seen[i];
      if (!set) return;
      if (set.has(key)) duplicated += 1;
      else set.add(key);
      latencies.push(performance.now() - Number(sentAt));
    };
    if (plan.protocol === "relay") l.socket.on("msg", (m: { text: string }) => onText(m.text));
    else l.socket.on("message:new", (m: { kind: string; text: string }) => m.kind === "text" && onText(m.text));
  });

  // The server keeps each publisher's clientIds to answer a resend without a second line: a
  // second run against the same server must not reuse the first run's.
  const runId = Math.random().toString(36).slice(2, 10);
  let sent = 0;
  let acked = 0;
  /** Sends answered either way: a refused send (say, RATE_LIMITED) is answered and never delivered. */
  let answered = 0;
  const refusals = new Map<string, number>();
  let expectedDeliveries = 0;
  let lastAckAt: number | null = null;
  const serverCpu = () => {
    let total = 0;
    let system = 0;
    for (const pid of plan.serverPids ?? []) {
      const split = cpuSplitOf(pid);
      total += split.user + split.system;
      system += split.system;
    }
    return { total, system };
  };
  const cpuBefore = serverCpu();
  const firstSendAt = performance.now();
  const deadline = firstSendAt + plan.durationMs;
  const tickMs = 10;
  let owed = 0;
  // One tick back, so the first pass sends a tick's worth at once, as every later pass does.
  let lastTick = firstSendAt - tickMs;
  let turn = 0;
  const inFlight = new Map<Socket, number>();
  const limit = plan.inFlightPerPublisher ?? Number.POSITIVE_INFINITY;
  while (plan.rate > 0 && performance.now() < deadline) {
    // Owed by the time that really passed, not by the nominal tick: on a busy machine a 10 ms
    // sleep takes longer, and the offered rate would quietly fall below the one asked for.
    // Capped at 100 ms worth, so a stalled generator does not answer with one huge burst.
    const now = performance.now();
    owed += (plan.rate * Math.min(now - lastTick, 100)) / 1000;
    lastTick = now;
    while (owed >= 1) {
      owed -= 1;
      const publisher = publishers[turn % publishers.length];
      if (!publisher) break;
      const channel = publisher.channels[Math.floor(turn / publishers.length) % publisher.channels.length] ?? "";
      turn += 1;
      const unanswered = inFlight.get(publisher.socket) ?? 0;
      if (unanswered >= limit) continue;
      inFlight.set(publisher.socket, unanswered + 1);
      const text = `${sent}:${performance.now()}:`.padEnd(plan.payloadBytes, "x");
      const members = membersOf.get(channel) ?? 0;
      sent += 1;
      const onAck = (ok: boolean, code?: string) => {
        answered += 1;
        inFlight.set(publisher.socket, (inFlight.get(publisher.socket) ?? 1) - 1);
        if (!ok) {
          refusals.set(code ?? "?", (refusals.get(code ?? "?") ?? 0) + 1);
          return;
        }
        lastAckAt = performance.now();
        acked += 1;
        expectedDeliveries += members;
      };
      if (plan.protocol === "relay") publisher.socket.emit("send", { room: channel, text }, () => onAck(true));
      else
        publisher.socket.emit(
          "message:send",
          { target: channel, text, clientId: `${runId}-${sent}` },
          (ack: { ok: boolean; error?: { code: string } }) => onAck(ack.ok, ack.error?.code),
        );
    }
    await sleep(tickMs);
  }
  // Let what is in flight arrive (bounded).
  const drainUntil = performance.now() + (plan.rate > 0 ? 30_000 : 0);
  while (performance.now() < drainUntil && (answered < sent || latencies.length < expectedDeliveries)) await sleep(50);
  const stoppedAtMs = performance.now() - firstSendAt;
  const cpuAfter = serverCpu();
  const serverCpuSeconds = cpuAfter.total - cpuBefore.total;
  const serverSystemSeconds = cpuAfter.system - cpuBefore.system;
  const elapsedMs = plan.durationMs;
  const measured = plan.keepConnected ? await plan.keepConnected() : undefined;
  for (const s of [...listeners, ...publishers]) s.socket.disconnect();

  const deliveries = latencies.length;
  return {
    connectMs,
    sent,
    acked,
    refused: Object.fromEntries(refusals),
    deliveries,
    deliveriesPerSecond: deliveries / (elapsedMs / 1000),
    expectedDeliveries,
    lost: Math.max(0, expectedDeliveries - (deliveries - duplicated)),
    duplicated,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: percentile(latencies, 100),
    lastAckAtMs: lastAckAt === null ? null : lastAckAt - firstSendAt,
    stoppedAtMs,
    serverCpuSeconds,
    serverSystemSeconds,
    ...(measured === undefined ? {} : { measured }),
  };
}
