import type { FleetMember } from "./chat-fleet";
import { sleep } from "./stats";

export interface PublishLog {
  /** Texts whose send the server acknowledged as committed. */
  acked: Set<string>;
  /** Every text handed to the client core. */
  sent: string[];
  /** Sends refused for good, by code. */
  errors: Map<string, number>;
  /** Milliseconds from send to ack, for acked sends. */
  ackLatencies: number[];
  /** First-attempt answers that were errors, by code: what the user saw before retries. */
  firstAttemptErrors: Map<string, number>;
}

export const newPublishLog = (): PublishLog => ({
  acked: new Set(),
  sent: [],
  errors: new Map(),
  ackLatencies: [],
  firstAttemptErrors: new Map(),
});

const count = (map: Map<string, number>, code: string) => map.set(code, (map.get(code) ?? 0) + 1);

/**
 * Sends unique texts from `member` round-robin over `channels` at `ratePerSecond` until `stop()`
 * is called or `maxMessages` have gone out. Sends go through the client core's outbox.
 */
export function publish(
  member: FleetMember,
  channels: string[],
  ratePerSecond: number,
  maxMessages: number,
  log: PublishLog,
  /** Pads each text to this many characters (the unique prefix stays first). */
  padTo = 0,
): { stop: () => void; done: Promise<void> } {
  let stopped = false;
  const inFlight: Promise<void>[] = [];
  const done = (async () => {
    for (let n = 0; n < maxMessages && !stopped; n++) {
      const channel = channels[n % channels.length] ?? "#bench";
      const text = `${member.name}#${n}`.padEnd(padTo, ".");
      log.sent.push(text);
      const started = performance.now();
      const clientId = `${member.name}-${n}`;
      const settled = member.client.whenSettled(clientId);
      void member.client.sendMessage(channel, text, false, clientId).then((first) => {
        if (!first.ok) count(log.firstAttemptErrors, first.error.code);
      });
      inFlight.push(
        settled.then((ack) => {
          if (ack.ok) {
            log.acked.add(text);
            log.ackLatencies.push(performance.now() - started);
          } else count(log.errors, ack.error.code);
        }),
      );
      await sleep(1000 / ratePerSecond);
    }
    await Promise.all(inFlight);
  })();
  return { stop: () => void (stopped = true), done };
}
