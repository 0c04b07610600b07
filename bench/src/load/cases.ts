import path from "node:path";
import { fileURLToPath } from "node:url";
import { Cluster } from "../cluster/cluster";
import { freshPostgresDatabase } from "@canaduck/db/testing";
import { ServerProcess } from "../server-process";
import { sleep } from "../stats";
import { runLoad, type LoadResult } from "./load-generator";
import { countStored, seed } from "./seed";

export const relayEntry = path.join(path.dirname(fileURLToPath(import.meta.url)), "relay-main.ts");

export interface Shape {
  clients: number;
  channels: number;
  publishers: number;
  /** Messages per second, in total. */
  rate: number;
  durationMs: number;
}

export interface CaseResult extends LoadResult {
  name: string;
  /** Messages per second offered, in total. */
  rate: number;
  persistedPerSecond: number;
  /** Event-loop lag p99 of the (first) server, from its /metrics; null for the relay. */
  eventLoopLagP99Ms: number | null;
}

const roomsFor = (shape: Shape) => Array.from({ length: shape.channels }, (_, i) => `#load${i}`);

async function eventLoopLagP99(url: string): Promise<number | null> {
  const body = await fetch(`${url}/metrics`).then(
    (r) => r.text(),
    () => "",
  );
  const match = /^canaduck_nodejs_eventloop_lag_p99_seconds (\S+)$/m.exec(body);
  return match?.[1] ? Number(match[1]) * 1000 : null;
}

/** The bare Socket.IO relay under the same load: the ceiling to compare with. */
export async function relayCase(shape: Shape): Promise<CaseResult> {
  const relay = new ServerProcess({}, relayEntry);
  await relay.start();
  try {
    const rooms = roomsFor(shape);
    const result = await runLoad({
      url: relay.url,
      protocol: "relay",
      clients: Array.from({ length: shape.clients }, (_, i) => ({ channel: rooms[i % rooms.length] ?? "" })),
      publishers: Array.from({ length: shape.publishers }, () => ({ channels: rooms })),
      rate: shape.rate,
      durationMs: shape.durationMs,
      payloadBytes: 1024,
    });
    return {
      name: "bare Socket.IO relay",
      rate: shape.rate,
      ...result,
      persistedPerSecond: 0,
      eventLoopLagP99Ms: null,
    };
  } finally {
    await relay.dispose();
  }
}

/** CanaDuck under load: every message persisted and acknowledged after its commit. */
async function canaduckLoad(name: string, urls: string[], databaseUrl: string, shape: Shape): Promise<CaseResult> {
  const seeded = await seed(databaseUrl, shape.clients, shape.publishers, shape.channels);
  const result = await runLoad({
    url: urls,
    protocol: "canaduck",
    clients: seeded.clients,
    publishers: seeded.publishers,
    rate: shape.rate,
    durationMs: shape.durationMs,
    payloadBytes: 1024,
  });
  const persisted = await countStored(databaseUrl, seeded.channels);
  return {
    name,
    rate: shape.rate,
    ...result,
    persistedPerSecond: persisted / (shape.durationMs / 1000),
    eventLoopLagP99Ms: await eventLoopLagP99(urls[0] ?? ""),
  };
}

export async function sqliteCase(shape: Shape): Promise<CaseResult> {
  const server = new ServerProcess();
  await server.start();
  try {
    return await canaduckLoad("CanaDuck, 1 node, SQLite", [server.url], `file:${server.dbFile}`, shape);
  } finally {
    await server.dispose();
  }
}

export async function postgresCase(shape: Shape): Promise<CaseResult> {
  const database = freshPostgresDatabase();
  const url = await database.url();
  const server = new ServerProcess({ DATABASE_URL: url });
  await server.start();
  try {
    return await canaduckLoad("CanaDuck, 1 node, PostgreSQL", [server.url], url, shape);
  } finally {
    await server.dispose();
    await database.drop();
  }
}

/**
 * Two nodes: half the listeners sit on the node the publisher is not on, so deliveries cross
 * Redis. At half the one-node rate, as the target reads ("cross-node delivery at p99 ≤ 250 ms at
 * half the one-node rate"): both nodes and Redis share this machine's cores with the generator.
 */
export async function twoNodeCase(shape: Shape): Promise<CaseResult> {
  const cluster = await Cluster.start(2);
  try {
    return await canaduckLoad(
      "CanaDuck, 2 nodes, PostgreSQL + Redis",
      cluster.nodes.map((n) => n.url),
      cluster.databaseUrl,
      { ...shape, rate: shape.rate / 2 },
    );
  } finally {
    await cluster.dispose();
  }
}

export interface IdleResult {
  name: string;
  clients: number;
  channels: number;
  connectMs: number;
  bytesPerConnection: number;
}

/**
 * Memory per idle connection: resident memory with `clients` connected, less before, per
 * connection. Clients are spread over channels of 100 members (the load case's density at C=1000,
 * R=10): in one channel of everyone, each arrival's "came online" goes to every member already
 * there, n²/2 emits (50 million at 10,000), and the case would measure that storm, not idling.
 * The relay's clients spread over as many rooms, so both hold the same room structure.
 */
export async function idleCase(kind: "relay" | "canaduck", clients: number): Promise<IdleResult> {
  const channels = Math.max(1, Math.ceil(clients / 100));
  const server = kind === "relay" ? new ServerProcess({}, relayEntry) : new ServerProcess();
  await server.start();
  try {
    const seeded = kind === "canaduck" ? await seed(`file:${server.dbFile}`, clients, 0, channels) : null;
    await sleep(1_000);
    const before = server.rss();
    const load = await runLoad({
      url: server.url,
      protocol: kind,
      clients: seeded
        ? seeded.clients
        : Array.from({ length: clients }, (_, i) => ({ channel: `#idle${i % channels}` })),
      publishers: [],
      rate: 0,
      durationMs: 3_000,
      payloadBytes: 0,
      keepConnected: async () => {
        await sleep(2_000);
        return server.rss();
      },
    });
    return {
      name: kind === "relay" ? "bare Socket.IO relay" : "CanaDuck, 1 node, SQLite",
      clients,
      channels,
      connectMs: load.connectMs,
      bytesPerConnection: ((load.measured ?? before) - before) / clients,
    };
  } finally {
    await server.dispose();
  }
}
