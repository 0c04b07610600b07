/**
 * `npm run bench:cost` (also part of `npm run bench`): issue 20's relay comparisons in one run.
 * CPU per delivery and the knee (rates stepped for the bare relay and CanaDuck in turn, C clients
 * over R channels, P publishers each in one channel, 1 KB lines); connecting clients with saved
 * tokens that catch up as the real clients do, against the relay's plain connect; and a restart
 * storm on the product's own socket options. Prints the figures and the targets and writes
 * bench/COST-RESULTS.md. Shape: BENCH_COST_CLIENTS, BENCH_COST_CHANNELS, BENCH_COST_PUBLISHERS,
 * BENCH_COST_RATES (comma-separated), BENCH_COST_SECONDS, BENCH_COST_CONNECT (comma-separated
 * client counts), BENCH_COST_STORM, BENCH_COST_EACH; BENCH_COST_ONLY=knee,connect,storm.
 */
import { writeReport } from "./src/report-file";
import { connectCase, stormCase, type ConnectResult, type StormResult } from "./src/cost/connect-case";
import { connectTable, costTargetLines, kneeTable, stormTable } from "./src/cost/cost-report";
import { kneeCase, KNEE_P99_MS, type KneeResult } from "./src/cost/knee-case";

const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const list = (name: string, fallback: string) =>
  (process.env[name] ?? fallback)
    .split(",")
    .map((v) => Number(v.trim()))
    .filter((v) => Number.isFinite(v) && v > 0);
const knee = {
  clients: num("BENCH_COST_CLIENTS", 1000),
  channels: num("BENCH_COST_CHANNELS", 10),
  publishers: num("BENCH_COST_PUBLISHERS", 100),
  rates: list("BENCH_COST_RATES", "100,200,300,400,600,900,1200,1800"),
  durationMs: num("BENCH_COST_SECONDS", 15) * 1000,
  payloadBytes: 1024,
};
const connectCounts = list("BENCH_COST_CONNECT", "1000,10000");
const stormClients = num("BENCH_COST_STORM", 10_000);
const each = num("BENCH_COST_EACH", 5);
const only = new Set((process.env.BENCH_COST_ONLY ?? "knee,connect,storm").split(",").map((s) => s.trim()));

async function main(): Promise<void> {
  let k: KneeResult | undefined;
  const connects: ConnectResult[] = [];
  const storms: StormResult[] = [];
  if (only.has("knee")) k = await kneeCase(knee);
  if (only.has("connect"))
    for (const clients of connectCounts) {
      const result = await connectCase(clients, each);
      console.log("connect", JSON.stringify(result));
      connects.push(result);
    }
  if (only.has("storm"))
    for (const server of ["relay", "canaduck"] as const) {
      const result = await stormCase(server, stormClients, each);
      console.log("storm", JSON.stringify(result));
      storms.push(result);
    }
  const sections = [
    k ? kneeTable(k) : "",
    connects.length > 0 ? connectTable(connects) : "",
    storms.length > 0 ? stormTable(storms) : "",
    ["## Targets", "", ...costTargetLines(k, connects, storms)].join("\n"),
  ].filter((s) => s !== "");
  console.log(`\n${sections.join("\n\n")}\n`);
  if (only.size < 3) {
    console.log("BENCH_COST_ONLY: a subset ran, so bench/COST-RESULTS.md was not rewritten.");
    return;
  }
  writeReport({
    file: "COST-RESULTS.md",
    title: "Relay cost bench results",
    rewrittenBy:
      "Rewritten by `npm run bench` or `npm run bench:cost` (bench/cost.ts; CanaDuck runs as `npm start` runs it, the built bundle). The clients run on the same machine as the servers.",
    shape: `knee and CPU — C=${knee.clients} clients over R=${knee.channels} channels, P=${knee.publishers} publishers each a member of (and sending to) one channel, so both servers fan each line out to the same sockets; ${knee.payloadBytes}-byte lines for ${knee.durationMs / 1000} s at each rate (${knee.rates.join(", ")} msg/s), the relay and CanaDuck in turn at each rate until each leaves the knee (p99 > ${KNEE_P99_MS} ms, a line late 30 s after the load, or a send unanswered); CanaDuck acknowledges each line after its commit. Server CPU is the process's user + system time from the first send to the end of the drain (/proc), per 1,000 deliveries to listeners. Connect — clients with saved tokens in ${each} channels of 100 members each, in waves of 100: CanaDuck's connect and one session:sync naming every conversation at its cursor (what the web and terminal clients do), against the relay's plain connect of as many clients. Storm — ${stormClients} clients on @canaduck/client's openSocket (the product's back-off, jitter and handshake timeout), connected (CanaDuck: synced; relay: in a room of 100); SIGKILL, restart on the same port and file; each client reconnects by itself and catches up again (session:sync, retried after its hint when refused as busy).`,
    command:
      "`npm run bench:cost` (shape overridable with BENCH_COST_CLIENTS, BENCH_COST_CHANNELS, BENCH_COST_PUBLISHERS, BENCH_COST_RATES, BENCH_COST_SECONDS, BENCH_COST_CONNECT, BENCH_COST_STORM, BENCH_COST_EACH; BENCH_COST_ONLY=knee,connect,storm runs a subset and leaves this file alone).",
    sections,
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
