// The flat-with-data case's tables and target lines (issue 20), from one run's figures.
import { table } from "../load/report";
import type { Comparison, FlatResult } from "./flat-case";

/** A large side may cost at most this much more than the small one it is compared with. */
export const FLAT_RATIO_TARGET = 1.2;
export const SESSION_STATE_P99_TARGET_MS = 50;

const f = (n: number, digits = 1) => n.toFixed(digits);
const verdict = (ok: boolean) => (ok ? "met" : "missed");
const ratioOf = (c: Comparison) => c.large.p50 / Math.max(c.small.p50, 1e-9);

export function flatTables(results: FlatResult[]): string {
  const comparisons = table([
    ["case", "operation", "large", "p50 ms", "p99 ms", "small", "p50 ms", "p99 ms", "p50 × small"],
    ...results.flatMap((r) =>
      [...r.history, ...r.members].map((c) => [
        r.name,
        c.what,
        c.large.label,
        f(c.large.p50, 2),
        f(c.large.p99, 2),
        c.small.label,
        f(c.small.p50, 2),
        f(c.small.p99, 2),
        `${f(ratioOf(c), 2)}×`,
      ]),
    ),
  ]);
  const rest = table([
    [
      "case",
      "seed s",
      "start-up ms, full",
      "start-up ms, empty",
      "× empty",
      "session:state channels",
      "p50 ms",
      "p99 ms",
    ],
    ...results.map((r) => [
      r.name,
      f(r.seedSeconds),
      f(r.startup.fullMs, 0),
      f(r.startup.emptyMs, 0),
      `${f(r.startup.fullMs / r.startup.emptyMs, 2)}×`,
      String(r.sessionState.channels),
      f(r.sessionState.p50, 2),
      f(r.sessionState.p99, 2),
    ]),
  ]);
  return `${comparisons}\n\n${rest}`;
}

/** One line per target and database, each computed from this run's figures. */
export function flatTargetLines(results: FlatResult[]): string[] {
  return results.flatMap((r) => {
    const db = r.name.replace("CanaDuck, 1 node, ", "");
    const worst = (cs: Comparison[]) => cs.reduce((a, b) => (ratioOf(b) > ratioOf(a) ? b : a));
    const history = worst(r.history);
    const members = worst(r.members);
    const startup = r.startup.fullMs / r.startup.emptyMs;
    return [
      `- ${db}: history pages of ${r.shape.bigLines} lines vs ${r.shape.smallLines}: worst ${history.what} at ${f(ratioOf(history), 2)}× (p50; needs ≤ ${FLAT_RATIO_TARGET}× for each): ${verdict(r.history.every((c) => ratioOf(c) <= FLAT_RATIO_TARGET))}`,
      `- ${db}: join, part and kick with ${r.shape.crowd} members vs ${r.shape.few}: worst ${members.what} at ${f(ratioOf(members), 2)}× (p50; needs ≤ ${FLAT_RATIO_TARGET}× for each, i.e. no work per member): ${verdict(r.members.every((c) => ratioOf(c) <= FLAT_RATIO_TARGET))}`,
      `- ${db}: start-up with ${r.shape.bigLines + r.shape.smallLines} lines stored vs none: ${f(startup, 2)}× (needs ≤ ${FLAT_RATIO_TARGET}×): ${verdict(startup <= FLAT_RATIO_TARGET)}`,
      `- ${db}: session:state for a member of ${r.sessionState.channels} channels: p99 ${f(r.sessionState.p99, 1)} ms (needs ≤ ${SESSION_STATE_P99_TARGET_MS} ms): ${verdict(r.sessionState.p99 <= SESSION_STATE_P99_TARGET_MS)}`,
    ];
  });
}
