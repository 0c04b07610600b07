import type { Consistency } from "../consistency";
import { sleep } from "../stats";
import { publishThrough } from "./publish-through";

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
  const { fault: ackedBeforeCrash, ...result } = await publishThrough(
    { ...o, channels: ["#crash"] },
    async ({ server, log }) => {
      let ackedBefore = 0;
      for (let i = 0; i < o.crashes; i++) {
        await sleep(o.uptimeMs);
        await server.stop("SIGKILL");
        if (i === 0) ackedBefore = log.acked.size;
        await sleep(o.downtimeMs);
        await server.start();
      }
      await sleep(o.uptimeMs);
      return ackedBefore;
    },
  );
  return { ...result, crashes: o.crashes, ackedBeforeCrash };
}
