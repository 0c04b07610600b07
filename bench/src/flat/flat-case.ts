import { freshPostgresDatabase } from "@canaduck/db/testing";
import type { Socket } from "socket.io-client";
import { emitRaw, rawSocket } from "../raw-socket";
import { ServerProcess } from "../server-process";
import { percentile } from "../stats";
import { seedFlat, type FlatShape } from "./flat-seed";

/** One operation timed on the large thing and on the small one it is compared with. */
export interface Comparison {
  what: string;
  large: { label: string; p50: number; p99: number };
  small: { label: string; p50: number; p99: number };
}

export interface FlatResult {
  name: string;
  shape: FlatShape;
  seedSeconds: number;
  history: Comparison[];
  members: Comparison[];
  /** Median time from spawning the server to its first healthy answer. */
  startup: { fullMs: number; emptyMs: number };
  sessionState: { channels: number; p50: number; p99: number };
}

/** Rounds of each timed operation, after as many unmeasured (the page cache warms as on a running server). */
const ROUNDS = 200;
const STARTS = 3;
const PAGE = 50;

/** The round trip of one command; a refused one fails the case (a refusal is quick, and no figure). */
async function timed(socket: Socket, event: string, payload: unknown): Promise<number> {
  const started = performance.now();
  const ack = await emitRaw(socket, event, payload, 30_000);
  if (!ack?.ok) throw new Error(`${event} ${JSON.stringify(payload)}: ${ack ? ack.error.code : "no answer"}`);
  return performance.now() - started;
}

const summary = (label: string, ms: number[]) => ({ label, p50: percentile(ms, 50), p99: percentile(ms, 99) });

/** Both sides of each comparison in turn, round by round, so the machine's noise falls on both alike. */
async function compare(
  rounds: number,
  pairs: Array<{ what: string; large: [string, () => Promise<number>]; small: [string, () => Promise<number>] }>,
): Promise<Comparison[]> {
  const times = pairs.map(() => ({ large: [] as number[], small: [] as number[] }));
  for (let round = 0; round < rounds; round++)
    for (const [i, pair] of pairs.entries()) {
      times[i]?.large.push(await pair.large[1]());
      times[i]?.small.push(await pair.small[1]());
    }
  return pairs.map((pair, i) => ({
    what: pair.what,
    large: summary(pair.large[0], times[i]?.large ?? []),
    small: summary(pair.small[0], times[i]?.small ?? []),
  }));
}

async function historyPages(socket: Socket, shape: FlatShape): Promise<Comparison[]> {
  const read = (target: string, extra: object) => () =>
    timed(socket, "history:read", { target, limit: PAGE, ...extra });
  const big = `${shape.bigLines} lines`;
  const small = `${shape.smallLines} lines`;
  const pairs = [
    { what: "newest page", large: [big, read("#big", {})], small: [small, read("#small", {})] },
    {
      what: "a page from the middle (before)",
      large: [big, read("#big", { before: Math.floor(shape.bigLines / 2) })],
      small: [small, read("#small", { before: Math.floor(shape.smallLines / 2) })],
    },
    {
      what: "catch-up after the last 50 (after)",
      large: [big, read("#big", { after: shape.bigLines - PAGE })],
      small: [small, read("#small", { after: shape.smallLines - PAGE })],
    },
  ] satisfies Parameters<typeof compare>[1];
  await compare(ROUNDS, pairs);
  return compare(ROUNDS, pairs);
}

async function membership(probe: Socket, walker: Socket, shape: FlatShape, victims: string[]): Promise<Comparison[]> {
  const crowd = `${shape.crowd} members`;
  const few = `${shape.few} members`;
  const join = (channel: string) => () => timed(walker, "channel:join", { channel });
  const part = (channel: string) => () => timed(walker, "channel:part", { channel });
  const kicked = { "#crowd": 0, "#few": 0 };
  const kick = (channel: "#crowd" | "#few") => () =>
    timed(probe, "channel:kick", { channel, nick: victims[kicked[channel]++] ?? "", reason: "bench" });
  // Each join is answered before the part that follows it, so each round leaves the walker outside.
  const pairs: Parameters<typeof compare>[1] = [
    { what: "join", large: [crowd, join("#crowd")], small: [few, join("#few")] },
    { what: "part", large: [crowd, part("#crowd")], small: [few, part("#few")] },
  ];
  const joinPart = await compare(Math.min(ROUNDS, 100), pairs);
  const kicks = await compare(victims.length, [
    { what: "kick", large: [crowd, kick("#crowd")], small: [few, kick("#few")] },
  ]);
  return [...joinPart, ...kicks];
}

async function sessionState(socket: Socket, channels: number): Promise<FlatResult["sessionState"]> {
  const ms: number[] = [];
  for (let i = 0; i < ROUNDS / 4; i++) await timed(socket, "session:state", {});
  for (let i = 0; i < ROUNDS / 2; i++) ms.push(await timed(socket, "session:state", {}));
  return { channels, p50: percentile(ms, 50), p99: percentile(ms, 99) };
}

/** Spawn to healthy, `STARTS` times, the median; the server is left running. */
async function startTime(server: ServerProcess): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < STARTS; i++) {
    if (i > 0) await server.stop();
    const started = performance.now();
    await server.start();
    ms.push(performance.now() - started);
  }
  return percentile(ms, 50);
}

/**
 * Cost that stays flat as data grows: history pages of a channel of a million lines against one of
 * a thousand, joins, parts and kicks in a channel of ten thousand members against one of ten,
 * start-up on that database against an empty one, and session:state for a member of many
 * channels. Each comparison runs both sides in the same rounds.
 */
export async function flatCase(database: "sqlite" | "postgres", shape: FlatShape): Promise<FlatResult> {
  const pgFull = database === "postgres" ? freshPostgresDatabase() : null;
  const pgEmpty = database === "postgres" ? freshPostgresDatabase() : null;
  const full = new ServerProcess(pgFull ? { DATABASE_URL: await pgFull.url() } : {});
  const empty = new ServerProcess(pgEmpty ? { DATABASE_URL: await pgEmpty.url() } : {});
  try {
    const seeding = performance.now();
    const seeded = await seedFlat(pgFull ? await pgFull.url() : `file:${full.dbFile}`, shape);
    const seedSeconds = (performance.now() - seeding) / 1000;
    // The empty database is migrated by a first start, as the full one was by its seeding.
    await empty.start();
    await empty.stop();
    const emptyMs = await startTime(empty);
    await empty.stop();
    const fullMs = await startTime(full);
    const probe = await rawSocket(full.url, seeded.probe);
    const walker = await rawSocket(full.url, seeded.walker);
    try {
      const history = await historyPages(probe, shape);
      const members = await membership(probe, walker, shape, seeded.victims);
      const state = await sessionState(probe, shape.probeChannels);
      return {
        name: `CanaDuck, 1 node, ${pgFull ? "PostgreSQL" : "SQLite"}`,
        shape,
        seedSeconds,
        history,
        members,
        startup: { fullMs, emptyMs },
        sessionState: state,
      };
    } finally {
      probe.disconnect();
      walker.disconnect();
    }
  } finally {
    await full.dispose();
    await empty.dispose();
    await pgFull?.drop();
    await pgEmpty?.drop();
  }
}
