import type { ChatServer } from "./types";

/** The part of engine.io's server this reaches into: its ws WebSocketServer (untyped there). */
interface EngineWithWs {
  ws?: { options?: { allowSynchronousEvents?: boolean } };
}

/**
 * Each WebSocket message in an event-loop turn of its own. By default ws emits every message of
 * a received chunk at once: a client sending 10,000 small events in one burst had about a
 * thousand of them handled back to back while everyone else's waited (a canary's send took
 * 200–400 ms). With `allowSynchronousEvents` off, ws defers each message to `setImmediate`, so
 * the loop reads the other sockets between a flooder's messages. engine.io builds its
 * WebSocketServer in its constructor and ws reads the option on each upgrade, so setting it
 * here holds for every connection. Internal API: re-check when engine.io or ws is upgraded
 * (`npm run bench:attacks` shows the typing burst if this stops reaching connections).
 */
export function readOneMessageAtATime(io: ChatServer): void {
  const ws = (io.engine as unknown as EngineWithWs).ws;
  if (ws?.options) ws.options.allowSynchronousEvents = false;
}
