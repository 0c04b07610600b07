import { freshPostgresDatabase } from "@canaduck/db/testing";
import Database from "libsql";
import { ServerProcess } from "../server-process";
import { runLoad } from "./load-generator";
import { countStored, seed } from "./seed";

/** Listeners in the throughput case: the main load case measures fan-out (100 a channel). */
export const THROUGHPUT_LISTENERS = 20;

export interface ThroughputResult {
  name: string;
  /** Messages per second asked of the generator. */
  rate: number;
  /** Messages per second really sent over the window. */
  offeredPerSecond: number;
  sent: number;
  acked: number;
  /** Sends refused, by code: a saturated node refuses rather than queueing without bound. */
  refused: Record<string, number>;
  /** Text messages the server committed, counted in its database afterwards. */
  stored: number;
  /** From the first send until the last ack, or until the bench stopped waiting (bounded). */
  elapsedMs: number;
  persistedPerSecond: number;
}

/** Unanswered sends a throughput publisher keeps: the server's queue per connection. */
export const THROUGHPUT_IN_FLIGHT = 64;

/**
 * How many messages per second one node persists when offered more than it can take: few
 * listeners (20 over 10 channels, plus each channel's 2 publishers) so that neither fan-out nor
 * the load generator, which shares the machine and reads every delivery, is what is measured;
 * 20 publishers so commits can be grouped across senders; 1 KB each at a fixed rate above the
 * target, each publisher keeping at most THROUGHPUT_IN_FLIGHT sends unanswered (a publisher
 * ignoring answers has the excess refused, and the node spends on refusing what it could commit).
 * Every ack still waits for its commit, so the time until the last ack bounds when the
 * stored messages were committed.
 */
export async function throughputCase(
  rate: number,
  durationMs: number,
  /**
   * searchIndex false (SQLite): the search index's triggers are dropped first, to measure what it
   * costs; database "postgres": the same on a fresh PostgreSQL database.
   */
  options: { searchIndex?: boolean; database?: "sqlite" | "postgres" } = {},
): Promise<ThroughputResult> {
  const searchIndex = options.searchIndex ?? true;
  const postgres = options.database === "postgres" ? freshPostgresDatabase() : null;
  const server = new ServerProcess(postgres ? { DATABASE_URL: await postgres.url() } : {});
  const databaseUrl = postgres ? await postgres.url() : `file:${server.dbFile}`;
  // Each publisher in one channel: in every channel it would receive every line it did not
  // send, 20 copies of the whole load, and measure its own reading instead of the server.
  const seeded = await seed(databaseUrl, THROUGHPUT_LISTENERS, 20, 10, "one");
  if (!searchIndex) {
    if (postgres) throw new Error("the throughput case drops the search index on SQLite only");
    dropSearchTriggers(server.dbFile);
  }
  await server.start();
  try {
    const load = await runLoad({
      url: server.url,
      protocol: "canaduck",
      clients: seeded.clients,
      publishers: seeded.publishers,
      rate,
      durationMs,
      payloadBytes: 1024,
      inFlightPerPublisher: THROUGHPUT_IN_FLIGHT,
    });
    const stored = await countStored(databaseUrl, seeded.channels);
    // The generator waits (bounded) until every send is answered, so the last successful ack
    // is when the last stored message was known committed; sends refused for being past what
    // the node takes count as sent, not stored.
    const elapsedMs = load.lastAckAtMs ?? load.stoppedAtMs;
    return {
      name: `CanaDuck, 1 node, ${postgres ? "PostgreSQL" : "SQLite"}, throughput${searchIndex ? "" : ", no search index"}`,
      rate,
      offeredPerSecond: load.sent / (durationMs / 1000),
      sent: load.sent,
      acked: load.acked,
      refused: load.refused,
      stored,
      elapsedMs,
      persistedPerSecond: elapsedMs > 0 ? stored / (elapsedMs / 1000) : 0,
    };
  } finally {
    await server.dispose();
    await postgres?.drop();
  }
}

/** The database without its search index's upkeep: the migrations' three triggers dropped. */
function dropSearchTriggers(file: string): void {
  const db = new Database(file);
  try {
    for (const trigger of ["Message_search_insert", "Message_search_update", "Message_search_delete"])
      db.exec(`DROP TRIGGER "${trigger}"`);
  } finally {
    db.close();
  }
}
