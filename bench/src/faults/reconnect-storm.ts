import { dropConnection } from "../chat-fleet";
import type { Consistency } from "../consistency";
import { sleep } from "../stats";
import { publishThrough } from "./publish-through";

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
  const channels = Array.from({ length: o.channels }, (_, i) => `#storm${i}`);
  const { fault: reconnects, ...result } = await publishThrough(
    { ...o, channels },
    async ({ publishers, receivers }) => {
      const everyone = [...publishers, ...receivers];
      let cuts = 0;
      while (cuts < o.reconnects) {
        const victim = everyone[cuts % everyone.length];
        if (victim) dropConnection(victim.client);
        cuts += 1;
        await sleep(10);
      }
      return cuts;
    },
  );
  return { ...result, reconnects };
}
