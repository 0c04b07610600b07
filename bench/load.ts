// `npm run bench`: the load bench. The same generator drives a bare Socket.IO relay (the
// ceiling of the stack on this machine) and CanaDuck in each deployment, prints CanaDuck's
// figures as ratios to the relay's and against the targets, and rewrites bench/RESULTS.md.
// Loopback only; every loop is bounded. Shape: BENCH_CLIENTS, BENCH_CHANNELS, BENCH_PUBLISHERS,
// BENCH_RATE, BENCH_SECONDS, BENCH_IDLE_CLIENTS (defaults: 1000, 10, 10, 600, 15, 10000);
// throughput: BENCH_THROUGHPUT_RATE, BENCH_THROUGHPUT_SECONDS (8000, 10); BENCH_ONLY: a
// comma-separated subset of the case keys below; sync: BENCH_SYNC_CLIENTS, BENCH_SYNC_CHANNELS_EACH,
// BENCH_SYNC_CHANNELS (10000, 20, 2000: channels of 100 members, the load case's density);
// search: BENCH_SEARCH_LINES, BENCH_SEARCH_CHANNELS, BENCH_SEARCH_USERS, BENCH_SEARCH_QUERIES
// (1000000, 100, 1000, 100 of each kind).
import { writeReport } from "./src/report-file";
import { idleCase, postgresCase, relayCase, sqliteCase, twoNodeCase, type Shape } from "./src/load/cases";
import {
  idleTable,
  loadTable,
  searchTable,
  syncTable,
  targetLines,
  throughputTable,
  type Figures,
} from "./src/load/report";
import { searchCase } from "./src/load/search-case";
import { syncCase } from "./src/load/sync-case";
import { THROUGHPUT_LISTENERS, THROUGHPUT_IN_FLIGHT, throughputCase } from "./src/load/throughput-case";

const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const shape: Shape = {
  clients: num("BENCH_CLIENTS", 1000),
  channels: num("BENCH_CHANNELS", 10),
  publishers: num("BENCH_PUBLISHERS", 10),
  rate: num("BENCH_RATE", 600),
  durationMs: num("BENCH_SECONDS", 15) * 1000,
};
const idleClients = num("BENCH_IDLE_CLIENTS", 10_000);
const throughputRate = num("BENCH_THROUGHPUT_RATE", 8000);
const throughputMs = num("BENCH_THROUGHPUT_SECONDS", 10) * 1000;
const syncShape = {
  clients: num("BENCH_SYNC_CLIENTS", 10_000),
  each: num("BENCH_SYNC_CHANNELS_EACH", 20),
  channels: num("BENCH_SYNC_CHANNELS", 2_000),
};

const searchShape = {
  lines: num("BENCH_SEARCH_LINES", 1_000_000),
  channels: num("BENCH_SEARCH_CHANNELS", 100),
  users: num("BENCH_SEARCH_USERS", 1_000),
  perKind: num("BENCH_SEARCH_QUERIES", 100),
};

const CASES = ["relay", "sqlite", "pg", "two-node", "throughput", "idle", "sync", "search"] as const;
type CaseKey = (typeof CASES)[number];
const isCase = (key: string): key is CaseKey => (CASES as readonly string[]).includes(key);

function selected(): Set<CaseKey> {
  const only = process.env.BENCH_ONLY?.split(",")
    .map((k) => k.trim())
    .filter((k) => k !== "");
  if (!only || only.length === 0) return new Set(CASES);
  const unknown = only.filter((k) => !isCase(k));
  if (unknown.length > 0)
    throw new Error(`BENCH_ONLY: unknown case ${unknown.join(", ")} (known: ${CASES.join(", ")})`);
  return new Set(only.filter(isCase));
}

const log = (label: string, result: unknown) => console.log(label, JSON.stringify(result));

async function runCases(run: Set<CaseKey>): Promise<Figures> {
  const x: Figures = {};
  if (run.has("relay")) log("relay", (x.relay = await relayCase(shape)));
  if (run.has("sqlite")) log("sqlite", (x.sqlite = await sqliteCase(shape)));
  if (run.has("pg")) log("pg", (x.postgres = await postgresCase(shape)));
  if (run.has("two-node")) log("two-node", (x.twoNode = await twoNodeCase(shape)));
  if (run.has("throughput")) {
    // With and without the search index, one after the other: the difference is its cost.
    log("throughput", (x.throughput = await throughputCase(throughputRate, throughputMs)));
    log(
      "throughput",
      (x.throughputUnindexed = await throughputCase(throughputRate, throughputMs, { searchIndex: false })),
    );
    log(
      "throughput",
      (x.throughputPostgres = await throughputCase(throughputRate, throughputMs, { database: "postgres" })),
    );
  }
  if (run.has("idle")) {
    log("idle", (x.idleRelay = await idleCase("relay", idleClients)));
    log("idle", (x.idleCanaduck = await idleCase("canaduck", idleClients)));
  }
  if (run.has("sync")) log("sync", (x.sync = await syncCase(syncShape.clients, syncShape.each, syncShape.channels)));
  if (run.has("search")) {
    const { lines, channels, users, perKind } = searchShape;
    x.search = [];
    for (const database of ["sqlite", "postgres"] as const) {
      const result = await searchCase(database, lines, channels, users, perKind);
      log("search", result);
      x.search.push(result);
    }
  }
  return x;
}

async function main(): Promise<void> {
  const run = selected();
  const x = await runCases(run);
  const sections = [
    [x.relay, x.sqlite, x.postgres, x.twoNode].some(Boolean) ? loadTable(x) : "",
    x.throughput ? throughputTable(x.throughput, x.throughputUnindexed, x.throughputPostgres) : "",
    x.idleRelay ? idleTable(x) : "",
    x.sync ? syncTable(x.sync) : "",
    x.search ? searchTable(x.search) : "",
    ["## Targets", "", ...targetLines(x)].join("\n"),
  ].filter((s) => s !== "");
  console.log(`\n${sections.join("\n\n")}\n`);

  // A partial run's figures would overwrite the full ones beside them, and its targets would
  // read "not run": RESULTS.md only ever holds a run of every case.
  if (run.size < CASES.length) {
    console.log(`BENCH_ONLY=${[...run].join(",")}: a subset ran, so bench/RESULTS.md was not rewritten.`);
    return;
  }
  writeReport({
    file: "RESULTS.md",
    title: "Load bench results",
    rewrittenBy:
      "Rewritten by `npm run bench` (bench/load.ts). The load generator runs on the same machine as the servers.",
    shape: `C=${shape.clients} clients over R=${shape.channels} channels, P=${shape.publishers} publishers at M=${shape.rate} messages/s in total (the two-node case at M/2), 1 KB each, for D=${shape.durationMs / 1000} s. CanaDuck acknowledges each message after its commit. Throughput: ${THROUGHPUT_LISTENERS} clients over 10 channels, 20 publishers (each in one channel), ${throughputRate} messages/s due for ${throughputMs / 1000} s, each publisher keeping at most ${THROUGHPUT_IN_FLIGHT} sends unanswered (as the server queues; a message due while its publisher is at that limit is not sent, so offered msg/s is what was really sent); persisted/s is the committed messages counted in the database over the time from the first send to the last ack. Idle: ${idleClients} clients over channels of 100; memory is the server process's resident memory with them connected, less before, per client. The CanaDuck server grows V8's heap by 20% at a time (apps/server/src/main.ts); the relay runs with V8's defaults. Sync: ${syncShape.clients} clients, each in ${syncShape.each} of ${syncShape.channels} channels, sync once, go away; each channel then gets two lines, an edit of an older line, two reactions and a deletion; the server restarts (SIGTERM, then start on the same file); every client reconnects with its saved token and catches up with one session:sync naming its conversations; the case checks each answer holds every missed entry with the lines in their final state. Search: ${searchShape.lines} lines of 6 to 14 words (a 5,000-word vocabulary, Zipf-like; each of 5 common words in about 2 % of lines, each of 40 rare words in ${10} lines, the phrase "release notes" in 0.2 %) over ${searchShape.channels} channels by ${searchShape.users} users, written straight into the database through the same triggers and generated column the server's writes go through; one user in every channel then asks ${searchShape.perKind} searches of each kind, one at a time over Socket.IO, after one unmeasured round; index bytes/line is the FTS5 tables (SQLite) or the GIN and time indexes and the tsvector column (PostgreSQL), over the lines. The throughput case runs three times: on SQLite, on SQLite with the search index's triggers dropped, and on PostgreSQL (with its search index).`,
    command:
      "`npm run bench` (shape overridable with BENCH_CLIENTS, BENCH_CHANNELS, BENCH_PUBLISHERS, BENCH_RATE, BENCH_SECONDS, BENCH_IDLE_CLIENTS, BENCH_THROUGHPUT_RATE, BENCH_THROUGHPUT_SECONDS; BENCH_SYNC_CLIENTS, BENCH_SYNC_CHANNELS_EACH, BENCH_SYNC_CHANNELS; BENCH_SEARCH_LINES, BENCH_SEARCH_CHANNELS, BENCH_SEARCH_USERS, BENCH_SEARCH_QUERIES; BENCH_ONLY=relay,sqlite,pg,two-node,throughput,idle,sync,search runs a subset and leaves this file alone).",
    sections,
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
