import { closeFleet, dropConnection, joinAll, registerFleet } from "../chat-fleet";
import { checkConsistency, type Consistency } from "../consistency";
import { newPublishLog, publish } from "../publisher";
import { ServerProcess } from "../server-process";
import { sleep } from "../stats";

export interface ReconnectStormOptions {
  clients: number;
  publishers: number;
  channels: number;
  reconnects: number;
  /** Messages per second per publisher. */
  rate: number;
}

export interface ReconnectStormResult extends Consistency {
  sent: number;
  acked: number;
  reconnects: number;
  peakServerRss: number;
}

/**
 * Publishers send continuously while the connections of clients and publishers alike are cut
 * `reconnects` times; afterwards every view must equal the database: nothing lost or doubled.
 */
export async function reconnectStorm(o: ReconnectStormOptions): Promise<ReconnectStormResult> {
  const server = new ServerProcess();
  await server.start();
  const channels = Array.from({ length: o.channels }, (_, i) => `#storm${i}`);
  const publishers = await registerFleet(server.url, "pub", o.publishers);
  const receivers = await registerFleet(server.url, "rcv", o.clients);
  try {
    await joinAll([...publishers, ...receivers], channels);
    const log = newPublishLog();
    const runs = publishers.map((p) => publish(p, channels, o.rate, 1_000_000, log));
    const everyone = [...publishers, ...receivers];
    let reconnects = 0;
    while (reconnects < o.reconnects) {
      const victim = everyone[reconnects % everyone.length];
      if (victim) dropConnection(victim.client);
      reconnects += 1;
      await sleep(10);
    }
    for (const run of runs) run.stop();
    await Promise.all(runs.map((r) => r.done));
    const consistency = await checkConsistency(server.dbFile, channels, publishers, receivers, log);
    return { ...consistency, sent: log.sent.length, acked: log.acked.size, reconnects, peakServerRss: server.peakRssBytes };
  } finally {
    closeFleet([...publishers, ...receivers]);
    await server.dispose();
  }
}
