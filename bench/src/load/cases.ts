import path from "node:path";
import { fileURLToPath } from "node:url";
import { ServerProcess } from "../server-process";
import { runLoad, type LoadResult } from "./load-generator";
import { countStored, seedSqlite } from "./seed";

const relayEntry = path.join(path.dirname(fileURLToPath(import.meta.url)), "relay-main.ts");

export interface Shape {
  clients: number;
  channels: number;
  publishers: number;
  rate: number;
  durationMs: number;
}

export interface CaseResult extends LoadResult {
  name: string;
  persisted: number;
  persistedPerSecond: number;
  serverRssPerConnection: number;
  peakRss: number;
}

const roomsFor = (shape: Shape) => Array.from({ length: shape.channels }, (_, i) => `#load${i}`);

/** The bare Socket.IO relay under the same load: the ceiling to compare with. */
export async function relayCase(shape: Shape): Promise<CaseResult> {
  const relay = new ServerProcess({}, relayEntry);
  await relay.start();
  try {
    const rooms = roomsFor(shape);
    const before = relay.rss();
    const result = await runLoad({
      url: relay.url,
      protocol: "relay",
      clients: Array.from({ length: shape.clients }, (_, i) => ({ channel: rooms[i % rooms.length] ?? "" })),
      publishers: Array.from({ length: shape.publishers }, () => ({ channels: rooms })),
      rate: shape.rate,
      durationMs: shape.durationMs,
      payloadBytes: 1024,
    });
    return { name: "bare Socket.IO relay", ...result, persisted: 0, persistedPerSecond: 0, serverRssPerConnection: (relay.peakRssBytes - before) / shape.clients, peakRss: relay.peakRssBytes };
  } finally {
    await relay.dispose();
  }
}

/** One CanaDuck node on SQLite: every message persisted and acknowledged after its commit. */
export async function sqliteCase(shape: Shape): Promise<CaseResult> {
  const server = new ServerProcess();
  await server.start();
  try {
    const seed = await seedSqlite(server.dbFile, shape.clients, shape.publishers, shape.channels);
    const before = server.rss();
    server.resetPeak();
    const result = await runLoad({
      url: server.url,
      protocol: "canaduck",
      clients: seed.clients,
      publishers: seed.publishers,
      rate: shape.rate,
      durationMs: shape.durationMs,
      payloadBytes: 1024,
    });
    const persisted = await countStored(server.dbFile);
    return {
      name: "CanaDuck, 1 node, SQLite",
      ...result,
      persisted,
      persistedPerSecond: persisted / (shape.durationMs / 1000),
      serverRssPerConnection: (server.peakRssBytes - before) / shape.clients,
      peakRss: server.peakRssBytes,
    };
  } finally {
    await server.dispose();
  }
}
