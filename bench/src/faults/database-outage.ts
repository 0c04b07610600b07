import { createClient, type Client } from "@libsql/client";
import type { Consistency } from "../consistency";
import { sleep } from "../stats";
import { publishThrough } from "./publish-through";

/** BEGIN IMMEDIATE from another connection: nobody else may write until it commits. The server may hold the lock for a moment, so retry. */
async function takeWriteLock(locker: Client) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await locker.transaction("write");
    } catch (error) {
      if (attempt > 500) throw error;
      await sleep(5);
    }
  }
}

export interface OutageOptions {
  clients: number;
  publishers: number;
  rate: number;
  outageMs: number;
}

export interface OutageResult extends Consistency {
  sent: number;
  acked: number;
  /** UNAVAILABLE answers clients saw during the outage (before their retries succeeded). */
  unavailableAnswers: number;
  outageMs: number;
}

/**
 * Mid-load, another process takes SQLite's write lock and holds it: the database cannot be
 * written for `outageMs`. Clients get coded errors, retry, and nothing is lost or doubled.
 */
export async function databaseOutage(o: OutageOptions): Promise<OutageResult> {
  const { fault: _nothing, ...result } = await publishThrough({ ...o, channels: ["#outage"] }, async ({ server }) => {
    const locker = createClient({ url: `file:${server.dbFile}` });
    try {
      await sleep(1_000);
      const lock = await takeWriteLock(locker);
      await lock.execute("UPDATE Channel SET topic = topic WHERE 0");
      await sleep(o.outageMs);
      await lock.commit();
      await sleep(1_500);
    } finally {
      locker.close();
    }
  });
  return { ...result, outageMs: o.outageMs };
}
