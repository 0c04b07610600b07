// The load bench's tables and target lines, from one run's figures. Any case may be missing
// (BENCH_ONLY runs a subset): ratios then read "-" and targets "not run".
import type { CaseResult, IdleResult } from "./cases";
import type { SearchResult } from "./search-case";
import type { SyncResult } from "./sync-case";
import type { ThroughputResult } from "./throughput-case";

export interface Figures {
  relay?: CaseResult;
  sqlite?: CaseResult;
  postgres?: CaseResult;
  twoNode?: CaseResult;
  throughput?: ThroughputResult;
  idleRelay?: IdleResult;
  idleCanaduck?: IdleResult;
  sync?: SyncResult;
  /** The throughput case again with the search index's triggers dropped: what the index costs. */
  throughputUnindexed?: ThroughputResult;
  /** The throughput case on PostgreSQL (issue 20: ≥ 4,000/s there). */
  throughputPostgres?: ThroughputResult;
  search?: SearchResult[];
}

export const SEARCH_P99_TARGET_MS = 50;

export const PERSISTED_TARGET = 5_000;
export const PERSISTED_TARGET_POSTGRES = 4_000;

const f = (n: number, digits = 0) => n.toFixed(digits);
const ratio = (a: number, b: number | undefined) => (b !== undefined && b > 0 ? `${(a / b).toFixed(2)}×` : "-");
const kib = (bytes: number) => `${f(bytes / 1024, 1)} KiB`;
const verdict = (ok: boolean) => (ok ? "met" : "missed");

export function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  return [line(rows[0] ?? []), line(widths.map((w) => "-".repeat(w))), ...rows.slice(1).map(line)].join("\n");
}

export function loadTable(x: Figures): string {
  const relay = x.relay;
  const header = [
    "case",
    "rate msg/s",
    "connect ms",
    "deliveries/s (× relay)",
    "p50 ms",
    "p95 ms",
    "p99 ms (× relay)",
    "max ms",
    "not delivered after 30 s",
    "duplicated",
    "persisted/s",
    "loop lag p99 ms",
  ];
  const row = (r: CaseResult) => [
    r.name,
    f(r.rate),
    f(r.connectMs),
    `${f(r.deliveriesPerSecond)} (${ratio(r.deliveriesPerSecond, relay?.deliveriesPerSecond)})`,
    f(r.p50, 1),
    f(r.p95, 1),
    `${f(r.p99, 1)} (${ratio(r.p99, relay?.p99)})`,
    f(r.max, 1),
    String(r.lost),
    String(r.duplicated),
    f(r.persistedPerSecond),
    r.eventLoopLagP99Ms === null ? "-" : f(r.eventLoopLagP99Ms, 1),
  ];
  const cases = [x.relay, x.sqlite, x.postgres, x.twoNode].filter((r) => r !== undefined);
  return table([header, ...cases.map(row)]);
}

export function idleTable(x: Figures): string {
  const cases = [x.idleRelay, x.idleCanaduck].filter((r) => r !== undefined);
  return table([
    ["case", "idle clients", "channels", "connect ms", "server memory per connection (× relay)"],
    ...cases.map((r) => [
      r.name,
      String(r.clients),
      String(r.channels),
      f(r.connectMs),
      `${kib(r.bytesPerConnection)} (${ratio(r.bytesPerConnection, x.idleRelay?.bytesPerConnection)})`,
    ]),
  ]);
}

export function throughputTable(...results: Array<ThroughputResult | undefined>): string {
  const header = [
    "case",
    "rate msg/s",
    "offered msg/s",
    "sent",
    "acked",
    "stored",
    "first send → last ack s",
    "persisted/s",
    `target (SQLite ≥ ${PERSISTED_TARGET}/s, PostgreSQL ≥ ${PERSISTED_TARGET_POSTGRES}/s)`,
  ];
  const targetOf = (t: ThroughputResult) =>
    t.name.includes("PostgreSQL") ? PERSISTED_TARGET_POSTGRES : PERSISTED_TARGET;
  const row = (t: ThroughputResult) => [
    t.name,
    f(t.rate),
    f(t.offeredPerSecond),
    String(t.sent),
    String(t.acked),
    String(t.stored),
    f(t.elapsedMs / 1000, 2),
    f(t.persistedPerSecond),
    verdict(t.persistedPerSecond >= targetOf(t)),
  ];
  return table([header, ...results.filter((t) => t !== undefined).map(row)]);
}

export function syncTable(r: SyncResult): string {
  return table([
    [
      "case",
      "clients × channels each",
      "missed entries per channel",
      "relay plain connect s",
      "catch-up after restart s (× relay)",
      "sync answer per client",
      "incomplete clients",
      "reset conversations",
    ],
    [
      r.name,
      `${r.clients} × ${r.channelsPerClient} (of ${r.channels})`,
      String(r.missedPerChannel),
      f(r.relayConnectMs / 1000, 2),
      `${f(r.catchUpMs / 1000, 2)} (${ratio(r.catchUpMs, r.relayConnectMs)})`,
      kib(r.syncBytesPerClient),
      String(r.incomplete),
      String(r.resets),
    ],
  ]);
}

export function searchTable(results: SearchResult[]): string {
  const rows = [
    [
      "case",
      "lines × channels, users",
      "load s",
      "index bytes/line",
      "kind",
      "example",
      "hits/page",
      "p50 ms",
      "p99 ms",
    ],
  ];
  for (const r of results)
    for (const t of r.timings)
      rows.push([
        r.name,
        `${r.lines} × ${r.channels}, ${r.users}`,
        f(r.loadSeconds, 1),
        f(r.indexBytesPerLine, 1),
        t.kind,
        t.example,
        f(t.hitsPerPage, 1),
        f(t.p50, 1),
        f(t.p99, 1),
      ]);
  return table(rows);
}

/** One line per target, each computed from this run's figures. */
export function targetLines(x: Figures): string[] {
  const lines: string[] = [];
  const { relay, sqlite, twoNode, throughput, idleRelay, idleCanaduck } = x;
  if (relay && sqlite) {
    const share = relay.deliveriesPerSecond > 0 ? sqlite.deliveriesPerSecond / relay.deliveriesPerSecond : 0;
    const ok = share >= 0.8 && sqlite.p99 <= 200;
    lines.push(
      `- SQLite, 1 node: ${f(sqlite.deliveriesPerSecond)} deliveries/s = ${f(share, 2)}× relay (needs ≥ 0.80×), p99 ${f(sqlite.p99, 1)} ms (needs ≤ 200 ms): ${verdict(ok)}`,
    );
  } else lines.push("- SQLite, 1 node: deliveries/s ≥ 0.8× relay and p99 ≤ 200 ms: not run (needs relay and sqlite)");
  if (idleRelay && idleCanaduck) {
    const times =
      idleRelay.bytesPerConnection > 0 ? idleCanaduck.bytesPerConnection / idleRelay.bytesPerConnection : Infinity;
    lines.push(
      `- Idle memory per connection: ${kib(idleCanaduck.bytesPerConnection)} = ${f(times, 2)}× relay's ${kib(idleRelay.bytesPerConnection)} (needs ≤ 1.50×): ${verdict(times <= 1.5)}`,
    );
  } else lines.push("- Idle memory per connection ≤ 1.5× relay's: not run (needs idle)");
  const unindexed = x.throughputUnindexed;
  const indexCost =
    unindexed && throughput && unindexed.persistedPerSecond > 0
      ? ` (${f(unindexed.persistedPerSecond)}/s without the search index in the same run: the index costs ${f(100 * (1 - throughput.persistedPerSecond / unindexed.persistedPerSecond), 1)} %)`
      : "";
  if (throughput)
    lines.push(
      `- Persisted, with the search index: ${f(throughput.persistedPerSecond)} messages/s, each acked after its commit (needs ≥ ${PERSISTED_TARGET}/s)${indexCost}: ${verdict(throughput.persistedPerSecond >= PERSISTED_TARGET)}`,
    );
  else lines.push(`- Persisted ≥ ${PERSISTED_TARGET} messages/s: not run (needs throughput)`);
  const onPostgres = x.throughputPostgres;
  if (onPostgres)
    lines.push(
      `- Persisted on PostgreSQL, with the search index: ${f(onPostgres.persistedPerSecond)} messages/s, each acked after its commit (needs ≥ ${PERSISTED_TARGET_POSTGRES}/s): ${verdict(onPostgres.persistedPerSecond >= PERSISTED_TARGET_POSTGRES)}`,
    );
  else lines.push(`- Persisted on PostgreSQL ≥ ${PERSISTED_TARGET_POSTGRES} messages/s: not run (needs throughput)`);
  if (twoNode)
    lines.push(
      `- Two nodes at ${f(twoNode.rate)} msg/s (half the one-node rate): p99 ${f(twoNode.p99, 1)} ms, half the deliveries crossing nodes (needs ≤ 250 ms): ${verdict(twoNode.p99 <= 250)}`,
    );
  else lines.push("- Two nodes at half rate: p99 ≤ 250 ms: not run (needs two-node)");
  const { sync } = x;
  if (sync)
    lines.push(
      `- Catch-up after a restart, one session:sync per client: ${sync.clients} clients × ${sync.channelsPerClient} channels back in ${f(sync.catchUpMs / 1000, 2)} s = ${ratio(sync.catchUpMs, sync.relayConnectMs)} the relay's plain connect (reported; issue 20 sets the speed target), ${sync.incomplete} clients missing an edit, reaction or deletion (needs 0): ${verdict(sync.incomplete === 0)}`,
    );
  else lines.push("- Catch-up after a restart carries every edit, reaction and deletion: not run (needs sync)");
  if (x.search && x.search.length > 0)
    for (const r of x.search) {
      const worst = Math.max(...r.timings.map((t) => t.p99));
      const empty = r.timings.filter((t) => t.hitsPerPage === 0).map((t) => t.kind);
      lines.push(
        `- Search, ${r.name.replace("CanaDuck, 1 node, ", "").replace(", search", "")}, ${r.lines} lines: worst p99 ${f(worst, 1)} ms over ${r.timings.map((t) => t.kind).join(", ")} (needs ≤ ${SEARCH_P99_TARGET_MS} ms for every kind${empty.length > 0 ? `; found nothing: ${empty.join(", ")}` : ""}), index ${f(r.indexBytesPerLine, 1)} bytes/line: ${verdict(worst <= SEARCH_P99_TARGET_MS && empty.length === 0)}`,
      );
    }
  else
    lines.push(
      `- Search p99 ≤ ${SEARCH_P99_TARGET_MS} ms over 1,000,000 lines on SQLite and PostgreSQL: not run (needs search)`,
    );
  return lines;
}
