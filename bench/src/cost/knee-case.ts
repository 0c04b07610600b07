// Issue 20's first two targets, in one run for both servers: the server's CPU per delivery at
// 200 msg/s, and the knee — the highest rate of a rising series with p99 ≤ 200 ms and nothing
// late after the drain. The relay and CanaDuck alternate at each rate, so a noisy stretch of the
// shared machine falls on both.
import { builtServer, ServerProcess } from "../server-process";
import { relayEntry } from "../load/cases";
import { runLoad, type LoadResult } from "../load/load-generator";
import { seed } from "../load/seed";

export interface KneeShape {
  clients: number;
  channels: number;
  publishers: number;
  rates: number[];
  durationMs: number;
  payloadBytes: number;
}

export interface KneeStep {
  server: "relay" | "canaduck";
  rate: number;
  p50: number;
  p99: number;
  deliveriesPerSecond: number;
  /** Deliveries of acknowledged lines still missing 30 s after the load. */
  lost: number;
  /** Sends refused or unanswered. */
  unacked: number;
  serverCpuSeconds: number;
  /** Of it, kernel time. */
  serverSystemSeconds: number;
  /** Server CPU-seconds per 1,000 deliveries to listeners. */
  cpuPerThousand: number;
  /** Whether this rate is within the knee's bounds. */
  healthy: boolean;
}

export interface KneeResult {
  steps: KneeStep[];
  /** Highest healthy rate before the first unhealthy one, per server (0: not even the first). */
  relayKnee: number;
  canaduckKnee: number;
}

export const KNEE_P99_MS = 200;

const stepOf = (server: KneeStep["server"], rate: number, r: LoadResult): KneeStep => ({
  server,
  rate,
  p50: r.p50,
  p99: r.p99,
  deliveriesPerSecond: r.deliveriesPerSecond,
  lost: r.lost,
  unacked: r.sent - r.acked,
  serverCpuSeconds: r.serverCpuSeconds,
  serverSystemSeconds: r.serverSystemSeconds,
  cpuPerThousand: r.deliveries > 0 ? (r.serverCpuSeconds / r.deliveries) * 1000 : Number.NaN,
  healthy: r.p99 <= KNEE_P99_MS && r.lost === 0 && r.sent === r.acked && r.deliveries > 0,
});

export async function kneeCase(shape: KneeShape): Promise<KneeResult> {
  const relay = new ServerProcess({}, relayEntry);
  const canaduck = builtServer();
  await relay.start();
  await canaduck.start();
  try {
    const seeded = await seed(`file:${canaduck.dbFile}`, shape.clients, shape.publishers, shape.channels, "one");
    const steps: KneeStep[] = [];
    const knee = { relay: 0, canaduck: 0 };
    const failed = { relay: false, canaduck: false };
    for (const rate of shape.rates) {
      for (const server of ["relay", "canaduck"] as const) {
        if (failed[server]) continue;
        const process = server === "relay" ? relay : canaduck;
        const result = await runLoad({
          url: process.url,
          protocol: server,
          // The relay ignores the tokens; publisher j is in, and sends to, channel j mod R only.
          clients: seeded.clients,
          publishers: seeded.publishers,
          relayPublishersListen: true,
          rate,
          durationMs: shape.durationMs,
          payloadBytes: shape.payloadBytes,
          serverPids: [process.pid],
        });
        const step = stepOf(server, rate, result);
        console.log("knee", JSON.stringify(step));
        steps.push(step);
        if (step.healthy) knee[server] = rate;
        else failed[server] = true;
      }
      if (failed.relay && failed.canaduck) break;
    }
    return { steps, relayKnee: knee.relay, canaduckKnee: knee.canaduck };
  } finally {
    await relay.dispose();
    await canaduck.dispose();
  }
}
