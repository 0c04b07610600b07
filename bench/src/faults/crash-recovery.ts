import { closeFleet, joinAll, registerFleet } from "../chat-fleet";
import { checkConsistency, type Consistency } from "../consistency";
import { newPublishLog, publish } from "../publisher";
import { ServerProcess } from "../server-process";
import { sleep } from "../stats";

export interface CrashOptions {
  clients: number;
  publishers: number;
  /** Messages per second per publisher. */
  rate: number;
  crashes: number;
  /** Load before each crash, and downtime, in ms. */
  uptimeMs: number;
  downtimeMs: number;
}

export interface CrashResult extends Consistency {
  sent: number;
  acked: number;
  crashes: number;
  /** Acks received before the first kill: each must be in the database afterwards. */
  ackedBeforeCrash: number;
}

/** The server is SIGKILLed under load and restarted: every acked message survives, once, and reaches everyone. */
export async function crashRecovery(o: CrashOptions): Promise<CrashResult> {
  const server = new ServerProcess();
  await server.start();
  const channels = ["#crash"];
  const publishers = await registerFleet(server.url, "pub", o.publishers);
  const receivers = await registerFleet(server.url, "rcv", o.clients);
  try {
    await joinAll([...publishers, ...receivers], channels);
    const log = newPublishLog();
    const runs = publishers.map((p) => publish(p, channels, o.rate, 1_000_000, log));
    let ackedBeforeCrash = 0;
    for (let i = 0; i < o.crashes; i++) {
      await sleep(o.uptimeMs);
      await server.stop("SIGKILL");
      if (i === 0) ackedBeforeCrash = log.acked.size;
      await sleep(o.downtimeMs);
      await server.start();
    }
    await sleep(o.uptimeMs);
    for (const run of runs) run.stop();
    await Promise.all(runs.map((r) => r.done));
    const consistency = await checkConsistency(server.dbFile, channels, publishers, receivers, log);
    return { ...consistency, sent: log.sent.length, acked: log.acked.size, crashes: o.crashes, ackedBeforeCrash };
  } finally {
    closeFleet([...publishers, ...receivers]);
    await server.dispose();
  }
}
