import { LINES_KEPT, type ChatState } from "@canaduck/client";
import { until, type FleetMember } from "./chat-fleet";
import { storedMessagesAt } from "./database-view";
import type { PublishLog } from "./publisher";

export interface Consistency {
  stored: number;
  ackedNotStored: number;
  storedTwice: number;
  /** Over every client and channel: stored messages a client's view lacks. */
  lostInViews: number;
  /** Over every client and channel: messages a client's view holds more than once. */
  duplicatedInViews: number;
  /** Client views whose order differs from the database's. */
  misordered: number;
}

/** What every delivery test expects of `checkConsistency`: nothing lost, doubled or out of order anywhere. */
export const noViolations = {
  ackedNotStored: 0,
  storedTwice: 0,
  lostInViews: 0,
  duplicatedInViews: 0,
  misordered: 0,
} as const satisfies Omit<Consistency, "stored">;

const viewTexts = (state: ChatState, channel: string): string[] =>
  Object.values(state.channels)
    .find((c) => c.target.toLowerCase() === channel.toLowerCase())
    ?.messages.filter((m) => m.kind === "text")
    .map((m) => m.text) ?? [];

/**
 * Waits (bounded) for every publisher's outbox to empty and every client to hold what the
 * database holds, then compares each client's view of each channel with the database.
 */
export async function checkConsistency(
  /** The server's DATABASE_URL, or a SQLite file's path. */
  database: string,
  channels: string[],
  publishers: FleetMember[],
  receivers: FleetMember[],
  log: PublishLog,
  settleMs = 60_000,
): Promise<Consistency> {
  await Promise.all(
    publishers.map((p) => until(p.client, (s) => s.pending.length === 0, settleMs).catch(() => undefined)),
  );
  const stored = new Map<string, string[]>();
  const url = /^(file:|postgres)/.test(database) ? database : `file:${database}`;
  for (const channel of channels)
    stored.set(
      channel,
      (await storedMessagesAt(url, channel)).map((m) => m.text),
    );
  const everyone = [...publishers, ...receivers];
  await Promise.all(
    everyone.map((m) =>
      until(
        m.client,
        (s) => channels.every((c) => new Set(viewTexts(s, c)).size >= (stored.get(c)?.length ?? 0)),
        settleMs,
      ).catch(() => undefined),
    ),
  );

  const all = [...stored.values()].flat();
  const result: Consistency = {
    stored: all.length,
    ackedNotStored: [...log.acked].filter((t) => !all.includes(t)).length,
    storedTwice: all.length - new Set(all).size,
    lostInViews: 0,
    duplicatedInViews: 0,
    misordered: 0,
  };
  for (const member of everyone) {
    const state = member.client.getState();
    for (const channel of channels) {
      const view = viewTexts(state, channel);
      // A client keeps the newest LINES_KEPT lines of a conversation and pages older ones back on
      // demand: its view must hold exactly the database's newest stretch of that length.
      const inDb = (stored.get(channel) ?? []).slice(-LINES_KEPT);
      const seen = new Set(view);
      result.lostInViews += inDb.filter((t) => !seen.has(t)).length;
      result.duplicatedInViews += view.length - seen.size;
      if (view.join("\n") !== inDb.join("\n") && seen.size === inDb.length) result.misordered += 1;
    }
  }
  return result;
}
