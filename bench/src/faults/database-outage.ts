import { createClient, type Client } from "@libsql/client";
import { closeFleet, joinAll, registerFleet } from "../chat-fleet";
import { checkConsistency, type Consistency } from "../consistency";
import { newPublishLog, publish } from "../publisher";
import { ServerProcess } from "../server-process";
import { sleep } from "../stats";

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
  const server = new ServerProcess();
  await server.start();
  const channels = ["#outage"];
  const publishers = await registerFleet(server.url, "pub", o.publishers);
  const receivers = await registerFleet(server.url, "rcv", o.clients);
  const locker = createClient({ url: `file:${server.dbFile}` });
  try {
    await joinAll([...publishers, ...receivers], channels);
    const log = newPublishLog();
    const runs = publishers.map((p) => publish(p, channels, o.rate, 1_000_000, log));
    await sleep(1_000);
    const lock = await takeWriteLock(locker);
    await lock.execute("UPDATE Channel SET topic = topic WHERE 0");
    await sleep(o.outageMs);
    await lock.commit();
    await sleep(1_500);
    for (const run of runs) run.stop();
    await Promise.all(runs.map((r) => r.done));
    const consistency = await checkConsistency(server.dbFile, channels, publishers, receivers, log);
    return {
      ...consistency,
      sent: log.sent.length,
      acked: log.acked.size,
      unavailableAnswers: log.firstAttemptErrors.get("UNAVAILABLE") ?? 0,
      outageMs: o.outageMs,
    };
  } finally {
    locker.close();
    closeFleet([...publishers, ...receivers]);
    await server.dispose();
  }
}
