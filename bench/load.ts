// `npm run bench`: the load bench. The same generator drives a bare Socket.IO relay (the
// ceiling of the stack on this machine) and CanaDuck in each deployment, prints CanaDuck's
// figures as ratios to the relay's, and rewrites bench/RESULTS.md. Loopback only; every loop
// is bounded. Shape: BENCH_CLIENTS, BENCH_CHANNELS, BENCH_PUBLISHERS, BENCH_RATE, BENCH_SECONDS,
// BENCH_IDLE_CLIENTS (defaults: 1000, 10, 10, 600, 15, 10000).
import { writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { idleCase, postgresCase, relayCase, sqliteCase, twoNodeCase, type CaseResult, type Shape } from "./src/load/cases";

const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const shape: Shape = {
  clients: num("BENCH_CLIENTS", 1000),
  channels: num("BENCH_CHANNELS", 10),
  publishers: num("BENCH_PUBLISHERS", 10),
  rate: num("BENCH_RATE", 600),
  durationMs: num("BENCH_SECONDS", 15) * 1000,
};
const idleClients = num("BENCH_IDLE_CLIENTS", 10_000);

const f = (n: number, digits = 0) => n.toFixed(digits);
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : "-");

function row(r: CaseResult, relay: CaseResult): string[] {
  return [
    r.name,
    f(r.connectMs),
    `${f(r.deliveriesPerSecond)} (${ratio(r.deliveriesPerSecond, relay.deliveriesPerSecond)})`,
    f(r.p50, 1),
    f(r.p95, 1),
    `${f(r.p99, 1)} (${ratio(r.p99, relay.p99)})`,
    f(r.max, 1),
    String(r.lost),
    String(r.duplicated),
    f(r.persistedPerSecond),
    r.eventLoopLagP99Ms === null ? "-" : f(r.eventLoopLagP99Ms, 1),
  ];
}

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  return [line(rows[0] ?? []), line(widths.map((w) => "-".repeat(w))), ...rows.slice(1).map(line)].join("\n");
}

async function main(): Promise<void> {
  const relay = await relayCase(shape);
  console.log("relay", JSON.stringify(relay));
  const results: CaseResult[] = [];
  for (const run of [sqliteCase, postgresCase, twoNodeCase]) {
    const r = await run(shape);
    console.log(r.name, JSON.stringify(r));
    results.push(r);
  }
  const idleRelay = await idleCase("relay", idleClients);
  console.log("idle", JSON.stringify(idleRelay));
  const idleCanaduck = await idleCase("canaduck", idleClients);
  console.log("idle", JSON.stringify(idleCanaduck));

  const header = ["case", "connect ms", "deliveries/s (× relay)", "p50 ms", "p95 ms", "p99 ms (× relay)", "max ms", "not delivered after 30 s", "duplicated", "persisted/s", "loop lag p99 ms"];
  const load = table([header, row(relay, relay), ...results.map((r) => row(r, relay))]);
  const idle = table([
    ["case", "idle clients", "connect ms", "server memory per connection (× relay)"],
    ...[idleRelay, idleCanaduck].map((r) => [r.name, String(r.clients), f(r.connectMs), `${f(r.bytesPerConnection / 1024, 1)} KiB (${ratio(r.bytesPerConnection, idleRelay.bytesPerConnection)})`]),
  ]);
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${f(totalmem() / 2 ** 30, 1)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;
  const report = [
    "# Load bench results",
    "",
    "Rewritten by `npm run bench` (bench/load.ts). The load generator runs on the same machine as the servers.",
    "",
    `Machine: ${machine}`,
    "",
    `Shape: C=${shape.clients} clients over R=${shape.channels} channels, P=${shape.publishers} publishers at M=${shape.rate} messages/s in total, 1 KB each, for D=${shape.durationMs / 1000} s. CanaDuck acknowledges each message after its commit.`,
    "",
    "Command: `npm run bench` (shape overridable with BENCH_CLIENTS, BENCH_CHANNELS, BENCH_PUBLISHERS, BENCH_RATE, BENCH_SECONDS, BENCH_IDLE_CLIENTS).",
    "",
    load,
    "",
    idle,
    "",
  ].join("\n");
  console.log(`\n${load}\n\n${idle}`);
  writeFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), "RESULTS.md"), report);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
