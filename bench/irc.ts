// The IRC fan-out bench (run by `npm run bench` after the load bench, or alone with `npm run
// bench:irc`): CanaDuck's IRC gateway beside Debian's ngircd (installed with apt where missing,
// started on loopback with a config of its own, penalties off), driven by the same raw-TCP
// generator. C clients over R channels, every client a receiver and in turn a sender of 400-byte
// lines into its channel, at rising rates until p99 passes 200 ms; rewrites bench/IRC-RESULTS.md.
// Shape: BENCH_IRC_CLIENTS, BENCH_IRC_CHANNELS, BENCH_IRC_LINE_BYTES, BENCH_IRC_RATES (comma-
// separated lines/s), BENCH_IRC_STEP_SECONDS; BENCH_IRC_ONLY=ngircd or canaduck runs one side and
// leaves the results file alone.
import { writeReport } from "./src/report-file";
import { canaduckFanout, ngircdFanout, type FanoutCaseResult, type FanoutShape } from "./src/irc/fanout-cases";
import { FANOUT_P99_LIMIT_MS, idleTable, ratioTable, stepsTable, targetLines } from "./src/irc/fanout-report";

const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const DEFAULT_RATES = "300,600,900,1200,1500,1800,2100,2400,2700,3000,3600,4200,4800,6000";
const shape: FanoutShape = {
  clients: num("BENCH_IRC_CLIENTS", 1000),
  channels: num("BENCH_IRC_CHANNELS", 10),
  lineBytes: num("BENCH_IRC_LINE_BYTES", 400),
  rates: (process.env.BENCH_IRC_RATES ?? DEFAULT_RATES).split(",").map(Number),
  stepMs: num("BENCH_IRC_STEP_SECONDS", 8) * 1000,
  p99LimitMs: FANOUT_P99_LIMIT_MS,
};
const only = process.env.BENCH_IRC_ONLY;
if (only !== undefined && only !== "ngircd" && only !== "canaduck")
  throw new Error(`BENCH_IRC_ONLY: ngircd or canaduck, not ${only}`);

async function main(): Promise<void> {
  let theirs: FanoutCaseResult | undefined;
  let ours: FanoutCaseResult | undefined;
  if (only !== "canaduck") {
    console.log("ngircd:");
    theirs = await ngircdFanout(shape);
  }
  if (only !== "ngircd") {
    console.log("CanaDuck:");
    ours = await canaduckFanout(shape);
  }
  const cases = [theirs, ours].filter((c) => c !== undefined);
  const sections = [
    stepsTable(cases),
    ratioTable(ours, theirs),
    idleTable(cases),
    ["## Targets", "", ...targetLines(ours, theirs)].join("\n"),
  ];
  console.log(`\n${sections.join("\n\n")}\n`);
  if (only !== undefined) {
    console.log(`BENCH_IRC_ONLY=${only}: one side ran, so bench/IRC-RESULTS.md was not rewritten.`);
    return;
  }
  writeReport({
    file: "IRC-RESULTS.md",
    title: "IRC fan-out bench results",
    rewrittenBy:
      "Rewritten by `npm run bench` (bench/irc.ts, after bench/load.ts) or `npm run bench:irc`. The generator, the server under test and anything else on the machine share its cores.",
    shape: `C=${shape.clients} clients over R=${shape.channels} channels (${shape.clients / shape.channels} members each), every client in one channel, listening, and in turn sending ${shape.lineBytes}-byte PRIVMSG lines (CRLF included) into it; the total rate rises step by step (${shape.stepMs / 1000} s each, then up to 15 s for the step's last deliveries) and stops after the first step whose p99 passes ${FANOUT_P99_LIMIT_MS} ms. One raw-TCP generator (node:net, no IRC library, one thread) for both servers: each text carries its send time, sequence number and sender; each receiver times every line and checks each sender's lines arrive once and in order. deliveries/s counts the step's deliveries over the time from its first send to its last delivery. ngircd: Debian's, in the foreground on loopback with its own config (MaxPenaltyTime = 0, no connection or join limits, no DNS/ident lookups). CanaDuck: the real server on SQLite with RATE_LIMITS=off, accounts seeded beforehand, each client logging in with \`PASS name:password\`; every line is committed before it is fanned out. Memory per idle connection: the server's resident memory with every client registered and joined, less before the first connected, per client. generator CPU/lag near 100 % / far above 10 ms mean the generator, not the server, set the limit of that step.`,
    command:
      "`npm run bench:irc` (shape overridable with BENCH_IRC_CLIENTS, BENCH_IRC_CHANNELS, BENCH_IRC_LINE_BYTES, BENCH_IRC_RATES, BENCH_IRC_STEP_SECONDS; BENCH_IRC_ONLY=ngircd|canaduck runs one side and leaves this file alone).",
    sections,
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
