import { monitorEventLoopDelay } from "node:perf_hooks";
import { cpuSecondsOf, rssOf } from "../server-process";
import { sleep } from "../stats";
import { IrcConnection, type IrcLogin } from "./irc-connection";
import { LineReader } from "./line-reader";

export interface FanoutClient extends IrcLogin {
  channel: string;
}

export interface FanoutPlan {
  port: number;
  /** Every client listens in its channel and takes its turn sending to it. */
  clients: FanoutClient[];
  /** Lines per second in total, one step after another, stopping after the first whose p99 passes `p99LimitMs`. */
  rates: number[];
  stepMs: number;
  /** Bytes of each PRIVMSG line a client sends, CRLF included. */
  lineBytes: number;
  p99LimitMs: number;
  /** The server's process, for its memory and CPU. */
  serverPid: number;
  /** How long a step waits for its last deliveries after its last send. */
  drainMs?: number;
}

export interface StepResult {
  rate: number;
  /** Lines really sent per second over the step (the tick loop may fall short on a busy machine). */
  offeredPerSecond: number;
  lines: number;
  expected: number;
  deliveries: number;
  /** Deliveries per second, over the time from the step's first send to its last delivery. */
  deliveriesPerSecond: number;
  /** Deliveries of the step's lines that had not arrived when the step stopped waiting. */
  lost: number;
  /** Lines a receiver got twice, or out of their sender's order. */
  duplicated: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** The server's CPU over the step, in % of one core. */
  serverCpuPercent: number;
  /** The generator's own CPU over the step, in % of one core (it runs on the same machine). */
  generatorCpuPercent: number;
  /** The generator's own event-loop delay p99 over the step: high means it, not the server, was the limit. */
  generatorLagP99Ms: number;
}

export interface FanoutResult {
  clients: number;
  channels: number;
  connectMs: number;
  /** The server's resident memory with every client registered and joined, less before any connected, per client. */
  idleBytesPerConnection: number;
  steps: StepResult[];
}

/** Growable store of latencies, cheaper than a number[] at millions of entries. */
class Samples {
  private data = new Float64Array(1 << 16);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
  sorted(): Float64Array {
    return this.data.slice(0, this.length).sort();
  }
}

const at = (sorted: Float64Array, p: number) =>
  sorted.length === 0 ? 0 : (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0);

/** Opens every client in waves (the server's accept queue is not what is measured), then joins each to its channel. */
async function connectAll(plan: FanoutPlan): Promise<IrcConnection[]> {
  const connections: IrcConnection[] = [];
  // Waves of 10: ngircd listens with a backlog of 10, and a SYN it drops costs a 1 s retransmit.
  for (let i = 0; i < plan.clients.length; i += 10) {
    const wave = plan.clients.slice(i, i + 10);
    connections.push(...(await Promise.all(wave.map((c) => IrcConnection.open(plan.port, c)))));
  }
  for (let i = 0; i < connections.length; i += 50)
    await Promise.all(connections.slice(i, i + 50).map((c, k) => c.join(plan.clients[i + k]?.channel ?? "")));
  return connections;
}

/**
 * The IRC fan-out generator, the same raw lines for any server: C clients over R channels, every
 * client both a receiver and, in turn, a sender of `lineBytes` PRIVMSG lines into its own channel
 * at a rising total rate. Each text carries its send time, sequence number and sender; every
 * receiver times each line and checks each sender's lines arrive once and in order.
 */
export async function runFanout(plan: FanoutPlan): Promise<FanoutResult> {
  const drainMs = plan.drainMs ?? 15_000;
  const rssBefore = rssOf(plan.serverPid);
  const started = performance.now();
  const connections = await connectAll(plan);
  const connectMs = performance.now() - started;
  await sleep(2_000);
  const idleBytesPerConnection = (rssOf(plan.serverPid) - rssBefore) / plan.clients.length;

  const members = new Map<string, number>();
  for (const c of plan.clients) members.set(c.channel, (members.get(c.channel) ?? 0) + 1);
  // Per step: where its sequence numbers start, its latencies, and when its last line arrived.
  const stepStarts: number[] = [];
  let samples = new Samples();
  let lastDeliveryAt = 0;
  let duplicated = 0;
  const stepOf = (seq: number) => {
    for (let s = stepStarts.length - 1; s >= 0; s--) if (seq >= (stepStarts[s] ?? 0)) return s;
    return -1;
  };
  connections.forEach((connection, receiver) => {
    const lastFrom = new Int32Array(plan.clients.length).fill(-1);
    let now = 0;
    const reader = new LineReader(
      (sentAt, seq, sender) => {
        if (sender === receiver) return; // an echo of one's own line: not a delivery
        if (stepOf(seq) !== stepStarts.length - 1) return; // a straggler of a step already reported
        if (seq <= (lastFrom[sender] ?? -1)) duplicated += 1;
        else lastFrom[sender] = seq;
        samples.push(now - sentAt);
        lastDeliveryAt = now;
      },
      (line) => connection.send(line),
    );
    connection.takeOver((chunk) => {
      // One clock reading per chunk: every line in it arrived at the same moment.
      now = performance.now();
      reader.read(chunk);
    });
  });

  const steps: StepResult[] = [];
  let seq = 0;
  let turn = 0;
  const lag = monitorEventLoopDelay({ resolution: 10 });
  for (const rate of plan.rates) {
    stepStarts.push(seq);
    samples = new Samples();
    duplicated = 0;
    let expected = 0;
    lag.reset();
    lag.enable();
    const cpuBefore = cpuSecondsOf(plan.serverPid);
    const ownBefore = process.cpuUsage();
    const firstSendAt = performance.now();
    const deadline = firstSendAt + plan.stepMs;
    let owed = 0;
    let lastTick = firstSendAt - 10;
    while (performance.now() < deadline) {
      const now = performance.now();
      owed += (rate * Math.min(now - lastTick, 100)) / 1000;
      lastTick = now;
      for (; owed >= 1; owed -= 1) {
        const sender = turn++ % connections.length;
        const client = plan.clients[sender];
        const connection = connections[sender];
        if (!client || !connection) continue;
        const head = `PRIVMSG ${client.channel} :${performance.now().toFixed(3)} ${seq++} ${sender} `;
        connection.send(`${head.padEnd(plan.lineBytes - 2, "x")}\r\n`);
        expected += (members.get(client.channel) ?? 1) - 1;
      }
      await sleep(10);
    }
    const lines = seq - (stepStarts.at(-1) ?? 0);
    const sentFor = performance.now() - firstSendAt;
    const drainUntil = performance.now() + drainMs;
    while (performance.now() < drainUntil && samples.length - duplicated < expected) await sleep(20);
    const cpu = cpuSecondsOf(plan.serverPid) - cpuBefore;
    const own = process.cpuUsage(ownBefore);
    const stepSeconds = (performance.now() - firstSendAt) / 1000;
    lag.disable();
    const sorted = samples.sorted();
    const deliveries = samples.length;
    const span = Math.max(plan.stepMs, lastDeliveryAt - firstSendAt);
    const result: StepResult = {
      rate,
      offeredPerSecond: lines / (sentFor / 1000),
      lines,
      expected,
      deliveries,
      deliveriesPerSecond: deliveries / (span / 1000),
      lost: Math.max(0, expected - (deliveries - duplicated)),
      duplicated,
      p50: at(sorted, 50),
      p95: at(sorted, 95),
      p99: at(sorted, 99),
      max: at(sorted, 100),
      serverCpuPercent: (100 * cpu) / stepSeconds,
      generatorCpuPercent: (own.user + own.system) / 1e4 / stepSeconds,
      generatorLagP99Ms: lag.percentile(99) / 1e6,
    };
    steps.push(result);
    console.log(`  ${rate} lines/s:`, JSON.stringify(result));
    if (result.p99 > plan.p99LimitMs) break;
  }
  for (const connection of connections) connection.close();
  return {
    clients: plan.clients.length,
    channels: members.size,
    connectMs,
    idleBytesPerConnection,
    steps,
  };
}
