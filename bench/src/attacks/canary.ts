import type { Socket } from "socket.io-client";
import { emitRaw } from "../raw-socket";
import { percentile, sleep } from "../stats";

/**
 * An ordinary user beside an attack: says a line every `intervalMs` and times each send's
 * answer. A send with no answer within 5 s, or refused, counts as failed.
 */
export function canary(socket: Socket, channel: string, intervalMs = 200) {
  const latencies: number[] = [];
  let failed = 0;
  let stopped = false;
  let n = 0;
  const pending: Array<Promise<void>> = [];
  const done = (async () => {
    while (!stopped) {
      const started = performance.now();
      pending.push(
        emitRaw(socket, "message:send", { target: channel, text: `canary ${n++}` }).then((ack) => {
          if (ack?.ok) latencies.push(performance.now() - started);
          else failed += 1;
        }),
      );
      await sleep(intervalMs);
    }
  })();
  return {
    async stop() {
      stopped = true;
      await done;
      await Promise.all(pending);
      return {
        sends: latencies.length + failed,
        failed,
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
      };
    },
  };
}
