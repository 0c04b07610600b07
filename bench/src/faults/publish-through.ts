import { closeFleet, joinAll, registerFleet, type FleetMember } from "../chat-fleet";
import { checkConsistency, type Consistency } from "../consistency";
import { newPublishLog, publish, type PublishLog } from "../publisher";
import { ServerProcess } from "../server-process";

export interface PublishThroughOptions {
  clients: number;
  publishers: number;
  channels: string[];
  /** Messages per second per publisher. */
  rate: number;
}

export interface FaultContext {
  server: ServerProcess;
  publishers: FleetMember[];
  receivers: FleetMember[];
  log: PublishLog;
}

export interface PublishThroughResult extends Consistency {
  sent: number;
  acked: number;
  peakServerRss: number;
  /** UNAVAILABLE answers the publishers saw before their retries succeeded. */
  unavailableAnswers: number;
  /** Sends refused for good, by code (a fault test expects none). */
  refused: Record<string, number>;
}

/**
 * The skeleton the delivery fault tests share: a real server, publishers sending continuously
 * to receivers in the same channels while `fault` does its damage, then every client's view
 * compared with what the database holds.
 */
export async function publishThrough<T>(
  o: PublishThroughOptions,
  fault: (ctx: FaultContext) => Promise<T>,
): Promise<PublishThroughResult & { fault: T }> {
  const server = new ServerProcess();
  await server.start();
  const publishers = await registerFleet(server.url, "pub", o.publishers);
  const receivers = await registerFleet(server.url, "rcv", o.clients);
  try {
    await joinAll([...publishers, ...receivers], o.channels);
    const log = newPublishLog();
    const runs = publishers.map((p) => publish(p, o.channels, o.rate, 1_000_000, log));
    const outcome = await fault({ server, publishers, receivers, log });
    for (const run of runs) run.stop();
    await Promise.all(runs.map((r) => r.done));
    const consistency = await checkConsistency(server.dbFile, o.channels, publishers, receivers, log);
    return {
      ...consistency,
      sent: log.sent.length,
      acked: log.acked.size,
      peakServerRss: server.peakRssBytes,
      unavailableAnswers: log.firstAttemptErrors.get("UNAVAILABLE") ?? 0,
      refused: Object.fromEntries(log.errors),
      fault: outcome,
    };
  } finally {
    closeFleet([...publishers, ...receivers]);
    await server.dispose();
  }
}
