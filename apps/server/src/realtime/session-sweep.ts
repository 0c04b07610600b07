import { endedSessions, type DomainDeps } from "@canaduck/domain";
import type { Logger } from "../logger";
import type { ChatServer, ChatSocket } from "./types";

export interface SessionSweep {
  /** No sweep starts after this; resolves once the one running (if any) has finished. */
  stop(): Promise<void>;
}

/**
 * The admin command line and the clock end sessions without telling any server, and broadcasts
 * reach a connection's rooms whatever its session. So every `intervalMs` this node asks, in one
 * call, which of its own connections' sessions have ended, then tells those connections why and
 * closes them. Each node sweeps only its own: in a cluster they all sweep. 0 turns it off.
 */
export function startSessionSweep(
  io: ChatServer,
  domain: DomainDeps,
  logger: Logger,
  intervalMs: number,
): SessionSweep {
  if (intervalMs === 0) return { stop: () => Promise.resolve() };
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const schedule = () => {
    if (stopped) return;
    // Armed when the previous sweep has ended, not on an interval: a slow sweep never overlaps the next.
    timer = setTimeout(() => {
      running = sweep(io, domain, logger)
        .catch((error: unknown) => logger.warn({ err: error }, "the session sweep failed; the next one will retry"))
        .finally(schedule);
    }, intervalMs);
    timer.unref();
  };
  schedule();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

async function sweep(io: ChatServer, domain: DomainDeps, logger: Logger): Promise<void> {
  // The namespace's own sockets, not io.fetchSockets(): that would ask every node through the adapter.
  const bySession = new Map<string, { userId: string; sockets: ChatSocket[] }>();
  for (const socket of io.sockets.sockets.values()) {
    const { actor } = socket.data;
    if (actor.kind !== "user" || socket.disconnected) continue;
    const entry = bySession.get(actor.sessionId) ?? { userId: actor.userId, sockets: [] };
    entry.sockets.push(socket);
    bySession.set(actor.sessionId, entry);
  }
  if (bySession.size === 0) return;
  const held = [...bySession].map(([sessionId, { userId }]) => ({ sessionId, userId }));
  for (const ended of await endedSessions(domain, held)) {
    // A connection may have logged out and in again while the sweep read: only the session read counts.
    const sockets = (bySession.get(ended.sessionId)?.sockets ?? []).filter(
      (s) => s.connected && s.data.actor.kind === "user" && s.data.actor.sessionId === ended.sessionId,
    );
    if (sockets.length === 0) continue;
    logger.info(
      { user: ended.userId, cause: ended.cause, connections: sockets.length },
      "closing connections whose session ended",
    );
    for (const socket of sockets) {
      // The protocol's reasons have no "expired": a session ended anyhow is "revoked", the code says why.
      socket.emit("session:ended", { reason: "revoked", code: ended.code });
      socket.disconnect(true);
    }
  }
}
