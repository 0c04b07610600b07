// The IRC fan-out's tables and target lines: CanaDuck's gateway beside ngircd, rate by rate.
import { table } from "../load/report";
import type { FanoutCaseResult } from "./fanout-cases";
import type { StepResult } from "./fanout";

export const FANOUT_P99_LIMIT_MS = 200;

const f = (n: number, digits = 0) => n.toFixed(digits);
const kib = (bytes: number) => `${f(bytes / 1024, 1)} KiB`;
const ratio = (a: number | undefined, b: number | undefined) =>
  a !== undefined && b !== undefined && b > 0 ? `${(a / b).toFixed(2)}×` : "-";

/** Every step of every case, one row each. */
export function stepsTable(cases: FanoutCaseResult[]): string {
  const rows = [
    [
      "server",
      "rate lines/s",
      "offered lines/s",
      "deliveries/s",
      "p50 ms",
      "p95 ms",
      "p99 ms",
      "max ms",
      "lost",
      "duplicated",
      "server CPU %",
      "generator CPU %",
      "generator lag p99 ms",
    ],
  ];
  for (const c of cases)
    for (const s of c.steps)
      rows.push([
        c.name,
        f(s.rate),
        f(s.offeredPerSecond),
        f(s.deliveriesPerSecond),
        f(s.p50, 1),
        f(s.p95, 1),
        f(s.p99, 1),
        f(s.max, 1),
        String(s.lost),
        String(s.duplicated),
        f(s.serverCpuPercent),
        f(s.generatorCpuPercent),
        f(s.generatorLagP99Ms, 1),
      ]);
  return table(rows);
}

/** At each rate both ran: CanaDuck's deliveries/s and p99 as ratios to ngircd's. */
export function ratioTable(ours: FanoutCaseResult | undefined, theirs: FanoutCaseResult | undefined): string {
  const rates = [...new Set([...(theirs?.steps ?? []), ...(ours?.steps ?? [])].map((s) => s.rate))].sort(
    (a, b) => a - b,
  );
  const at = (c: FanoutCaseResult | undefined, rate: number) => c?.steps.find((s) => s.rate === rate);
  const cell = (s: StepResult | undefined, value: (s: StepResult) => string) => (s ? value(s) : "-");
  return table([
    [
      "rate lines/s",
      "ngircd deliveries/s",
      "CanaDuck deliveries/s",
      "deliveries × ngircd",
      "ngircd p99 ms",
      "CanaDuck p99 ms",
      "p99 × ngircd",
    ],
    ...rates.map((rate) => {
      const n = at(theirs, rate);
      const c = at(ours, rate);
      return [
        f(rate),
        cell(n, (s) => f(s.deliveriesPerSecond)),
        cell(c, (s) => f(s.deliveriesPerSecond)),
        ratio(c?.deliveriesPerSecond, n?.deliveriesPerSecond),
        cell(n, (s) => f(s.p99, 1)),
        cell(c, (s) => f(s.p99, 1)),
        ratio(c?.p99, n?.p99),
      ];
    }),
  ]);
}

export function idleTable(cases: FanoutCaseResult[]): string {
  const ngircd = cases.find((c) => c.stored === null);
  return table([
    ["server", "clients", "channels", "connect + join ms", "memory per idle connection (× ngircd)", "sent", "stored"],
    ...cases.map((c) => [
      c.name,
      String(c.clients),
      String(c.channels),
      f(c.connectMs),
      `${kib(c.idleBytesPerConnection)} (${ratio(c.idleBytesPerConnection, ngircd?.idleBytesPerConnection)})`,
      String(c.sent),
      c.stored === null ? "-" : String(c.stored),
    ]),
  ]);
}

/** The highest deliveries/s a case reached with p99 within the limit, or 0. */
export function bestWithinLimit(c: FanoutCaseResult): StepResult | undefined {
  return c.steps
    .filter((s) => s.p99 <= FANOUT_P99_LIMIT_MS && s.lost === 0)
    .sort((a, b) => b.deliveriesPerSecond - a.deliveriesPerSecond)[0];
}

export function targetLines(ours: FanoutCaseResult | undefined, theirs: FanoutCaseResult | undefined): string[] {
  if (!ours || !theirs) return ["- IRC fan-out ≥ 1.0× ngircd's deliveries/s at p99 ≤ 200 ms: not run (needs both)"];
  const a = bestWithinLimit(ours);
  const b = bestWithinLimit(theirs);
  const share = a && b ? a.deliveriesPerSecond / b.deliveriesPerSecond : 0;
  const describe = (s: StepResult | undefined) =>
    s
      ? `${f(s.deliveriesPerSecond)} deliveries/s at ${f(s.rate)} lines/s (p99 ${f(s.p99, 1)} ms)`
      : "no step within it";
  const stored =
    ours.stored === ours.sent ? "every line sent was stored" : `${ours.stored} of ${ours.sent} lines stored`;
  return [
    `- IRC fan-out, best step with p99 ≤ ${FANOUT_P99_LIMIT_MS} ms and nothing lost: CanaDuck ${describe(a)}, ngircd ${describe(b)}: ${f(share, 2)}× (needs ≥ 1.00×): ${share >= 1 ? "met" : "missed"}; ${stored}`,
    `- Memory per idle IRC connection: CanaDuck ${kib(ours.idleBytesPerConnection)}, ngircd ${kib(theirs.idleBytesPerConnection)} (${ratio(ours.idleBytesPerConnection, theirs.idleBytesPerConnection)}; reported)`,
  ];
}
