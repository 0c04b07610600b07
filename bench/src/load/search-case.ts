import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { PROTOCOL_VERSION } from "@canaduck/contract";
import { freshPostgresDatabase } from "@canaduck/db/testing";
import Database from "libsql";
import pg from "pg";
import { io, type Socket } from "socket.io-client";
import { ServerProcess } from "../server-process";
import { percentile } from "../stats";
import { writeLines, type LineRow } from "./line-writer";
import { seed } from "./seed";

/** One kind of search and how long the server took to answer it, round trip over Socket.IO. */
export interface SearchTiming {
  kind: string;
  /** An example of the queries asked (each kind cycles through several). */
  example: string;
  queries: number;
  /** Hits on the first page, averaged: a search that finds nothing is no test of a common word. */
  hitsPerPage: number;
  p50: number;
  p99: number;
}

export interface SearchResult {
  name: string;
  lines: number;
  channels: number;
  users: number;
  /** Time to write the lines (the index kept in step as the server keeps it), seconds. */
  loadSeconds: number;
  /** What the index costs on disk per line. */
  indexBytesPerLine: number;
  timings: SearchTiming[];
}

const VOCABULARY = 5_000;
/** Words every tenth line or so holds: what a common-word search finds on every page. */
const COMMON = ["deploy", "review", "lunch", "build", "ticket"];
/** Words about ten lines in a million hold. */
const RARE = Array.from({ length: 40 }, (_, i) => `zyx${i}quux`);
const LINES_PER_RARE = 10;

/** Deterministic: the same run makes the same lines. */
function generator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Pronounceable filler words, so prefixes are spread over the vocabulary as in real text. */
const SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "be", "do", "fe", "gu", "ha", "jo", "pe", "co"];
const filler = Array.from({ length: VOCABULARY }, (_, i) => {
  let word = "";
  for (let n = i + 7; word.length < 8 && n > 0; n = Math.floor(n / SYLLABLES.length))
    word += SYLLABLES[n % SYLLABLES.length];
  return `${word}${i % 10}`;
});

/** A chat line of 6–14 words, Zipf-ish: a few filler words often, most rarely. */
function lineText(random: () => number, index: number, rareAt: Map<number, string>): string {
  const count = 6 + Math.floor(random() * 9);
  const words: string[] = [];
  for (let i = 0; i < count; i++) words.push(filler[Math.floor(VOCABULARY * random() ** 3)] ?? "x");
  if (random() < 0.1) words.splice(Math.floor(random() * words.length), 0, COMMON[index % COMMON.length] ?? "");
  if (random() < 0.002) words.push("release", "notes");
  const rare = rareAt.get(index);
  if (rare) words.push(rare);
  return words.join(" ");
}

interface Corpus {
  channelIds: string[];
  userIds: string[];
  searcher: { name: string; token: string };
}

/** Users, sessions, channels and memberships: 1 searcher in every channel, the rest in 10 each. */
async function seedPeople(url: string, users: number, channels: number): Promise<Corpus> {
  const seeded = await seed(url, users - 1, 1, channels, "all", 10);
  const searcher = seeded.publishers[0];
  if (!searcher) throw new Error("the seed made no searcher");
  const ids = await idsOf(url);
  return { ...ids, searcher };
}

async function idsOf(url: string): Promise<{ channelIds: string[]; userIds: string[] }> {
  if (url.startsWith("file:")) {
    const db = new Database(url.slice("file:".length));
    try {
      const channelIds = (db.prepare(`SELECT id FROM "Channel"`).all() as Array<{ id: string }>).map((r) => r.id);
      const userIds = (db.prepare(`SELECT id FROM "User"`).all() as Array<{ id: string }>).map((r) => r.id);
      return { channelIds, userIds };
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const channelIds = (await client.query<{ id: string }>(`SELECT id FROM "Channel"`)).rows.map((r) => r.id);
    const userIds = (await client.query<{ id: string }>(`SELECT id FROM "User"`)).rows.map((r) => r.id);
    return { channelIds, userIds };
  } finally {
    await client.end();
  }
}

/** The corpus's lines, spread over its channels in turn, by random authors. */
function* corpusLines(corpus: Corpus, lines: number): Generator<LineRow> {
  const random = generator(42);
  const rareAt = new Map<number, string>();
  RARE.forEach((word, w) => {
    for (let k = 0; k < LINES_PER_RARE; k++)
      rareAt.set(Math.floor(((w * LINES_PER_RARE + k + 0.5) / (RARE.length * LINES_PER_RARE)) * lines), word);
  });
  const start = Date.now() - lines * 1000;
  const seqs = new Map<string, number>();
  for (let i = 0; i < lines; i++) {
    const channelId = corpus.channelIds[i % corpus.channelIds.length] ?? "";
    const seq = (seqs.get(channelId) ?? 0) + 1;
    seqs.set(channelId, seq);
    const authorId = corpus.userIds[Math.floor(random() * corpus.userIds.length)] ?? "";
    yield { channelId, seq, authorId, text: lineText(random, i, rareAt), createdAt: new Date(start + i * 1000) };
  }
}

async function indexBytes(url: string): Promise<number> {
  if (url.startsWith("file:")) {
    const db = new Database(url.slice("file:".length));
    try {
      const row = db.prepare(`SELECT sum(pgsize) AS bytes FROM dbstat WHERE name LIKE 'MessageSearch%'`).get() as {
        bytes: number;
      };
      return row.bytes;
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ bytes: string }>(
      `SELECT pg_relation_size('"Message_searchWords_idx"') + pg_relation_size('"Message_createdAt_idx"') + (SELECT coalesce(sum(pg_column_size("searchWords")), 0) FROM "Message") AS bytes`,
    );
    return Number(rows[0]?.bytes ?? 0);
  } finally {
    await client.end();
  }
}

/** The queries of each kind, cycled through. */
const KINDS: Array<{ kind: string; queries: string[] }> = [
  { kind: "rare word", queries: RARE.map((w) => w) },
  { kind: "common word", queries: COMMON },
  { kind: "phrase", queries: ['"release notes"'] },
  { kind: "from: + word", queries: COMMON.map((w, i) => `from:c${i * 7} ${w}`) },
  { kind: "prefix", queries: ["depl", "revi", "lun", "bui", "tick", "kalo", "mine"] },
];

function ask(socket: Socket, query: string): Promise<{ ms: number; hits: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    socket
      .timeout(30_000)
      .emit(
        "search:query",
        { query },
        (error: unknown, ack: { ok: boolean; data?: { hits: unknown[] }; error?: { code: string } }) => {
          if (error) return reject(error instanceof Error ? error : new Error("search timed out"));
          if (!ack.ok) return reject(new Error(`search ${query}: ${ack.error?.code ?? "refused"}`));
          resolve({ ms: performance.now() - started, hits: ack.data?.hits.length ?? 0 });
        },
      );
  });
}

/**
 * Search over a million lines: the lines are written straight into the database (through the
 * same triggers and generated columns the server's writes go through, so the index is the one a
 * server keeps), then one user in every channel asks each kind of search in turn, one at a time,
 * as fast as answers come back.
 */
export async function searchCase(
  database: "sqlite" | "postgres",
  lines: number,
  channels: number,
  users: number,
  perKind: number,
): Promise<SearchResult> {
  const pgDatabase = database === "postgres" ? freshPostgresDatabase() : null;
  const server = new ServerProcess(pgDatabase ? { DATABASE_URL: await pgDatabase.url() } : {});
  const url = pgDatabase ? await pgDatabase.url() : `file:${server.dbFile}`;
  try {
    const corpus = await seedPeople(url, users, channels);
    const loading = performance.now();
    await writeLines(url, corpusLines(corpus, lines));
    const loadSeconds = (performance.now() - loading) / 1000;
    await server.start();
    const socket: Socket = io(server.url, {
      transports: ["websocket"],
      auth: { protocol: PROTOCOL_VERSION, token: corpus.searcher.token },
      reconnection: false,
    });
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", () => resolve());
      socket.once("connect_error", reject);
    });
    const timings: SearchTiming[] = [];
    // One round first, unmeasured: the page cache warms as it would on a server that runs.
    for (const { queries } of KINDS) for (const q of queries) await ask(socket, q);
    for (const { kind, queries } of KINDS) {
      const ms: number[] = [];
      let hits = 0;
      for (let i = 0; i < perKind; i++) {
        const answer = await ask(socket, queries[i % queries.length] ?? "");
        ms.push(answer.ms);
        hits += answer.hits;
      }
      timings.push({
        kind,
        example: queries[0] ?? "",
        queries: perKind,
        hitsPerPage: hits / perKind,
        p50: percentile(ms, 50),
        p99: percentile(ms, 99),
      });
    }
    socket.disconnect();
    return {
      name: `CanaDuck, 1 node, ${pgDatabase ? "PostgreSQL" : "SQLite"}, search`,
      lines,
      channels,
      users,
      loadSeconds,
      indexBytesPerLine: (await indexBytes(url)) / lines,
      timings,
    };
  } finally {
    // BENCH_SEARCH_KEEP=<dir>: the SQLite file is copied there and the PostgreSQL database kept, to query by hand.
    const keep = process.env.BENCH_SEARCH_KEEP;
    if (keep) {
      if (pgDatabase) console.log(`search: PostgreSQL database kept at ${url}`);
      else copyFileSync(server.dbFile, join(keep, "search.db"));
    }
    await server.dispose();
    if (!keep) await pgDatabase?.drop();
  }
}
