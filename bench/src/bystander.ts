import type { FleetMember } from "./chat-fleet";
import { sleep } from "./stats";

/**
 * Two ordinary users chatting while something else goes on: `speaker` says a line every
 * `intervalMs` and the time until `listener` holds it is recorded.
 */
export function converse(speaker: FleetMember, listener: FleetMember, channel: string, intervalMs: number) {
  const latencies: number[] = [];
  let stopped = false;
  let n = 0;
  const heard = (text: string) =>
    Object.values(listener.client.getState().channels).some((c) => c.target === channel && c.messages.some((m) => m.text === text));
  const done = (async () => {
    while (!stopped) {
      const text = `bystander ${n++}`;
      const started = performance.now();
      const arrived = new Promise<void>((resolve) => {
        const stop = listener.client.subscribe(() => {
          if (heard(text)) {
            stop();
            resolve();
          }
        });
      });
      void speaker.client.sendMessage(channel, text);
      await Promise.race([arrived, sleep(10_000)]);
      latencies.push(performance.now() - started);
      await sleep(intervalMs);
    }
  })();
  return {
    latencies,
    stop: async () => {
      stopped = true;
      await done;
    },
  };
}
