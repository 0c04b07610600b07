import type { FleetMember } from "./chat-fleet";
import { sleep } from "./stats";

/**
 * Two ordinary users chatting while something else goes on: `speaker` says a line every
 * `intervalMs` and the time until `listener` holds it is recorded.
 */
export function converse(speaker: FleetMember, listener: FleetMember, channel: string, intervalMs: number) {
  const latencies: number[] = [];
  /** Lines that did not arrive within 10 s. */
  let unheard = 0;
  let stopped = false;
  let n = 0;
  const heard = (text: string) =>
    Object.values(listener.client.getState().channels).some(
      (c) => c.target === channel && c.messages.some((m) => m.text === text),
    );
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
      const made = await Promise.race([arrived.then(() => true), sleep(10_000).then(() => false)]);
      if (made) latencies.push(performance.now() - started);
      else unheard += 1;
      await sleep(intervalMs);
    }
  })();
  return {
    latencies,
    get unheard() {
      return unheard;
    },
    stop: async () => {
      stopped = true;
      await done;
    },
  };
}
