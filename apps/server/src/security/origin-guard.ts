import type { IncomingMessage } from "node:http";
import type { Logger } from "../logger";

/**
 * The origins a browser may connect from when ALLOWED_ORIGINS is not set: this server's own on
 * loopback and on the address it listens on (unless that is every address), and Vite's dev server.
 */
export function defaultAllowedOrigins(port: number, host: string): string[] {
  const named =
    host === "0.0.0.0" || host === "::" ? [] : [`http://${host.includes(":") ? `[${host}]` : host}:${port}`];
  return [
    `http://localhost:${port}`,
    `http://127.0.0.1:${port}`,
    `http://[::1]:${port}`,
    ...named,
    "http://localhost:5173",
    "http://127.0.0.1:5173",
  ];
}

/** `scheme://host[:port]` as a browser writes it in Origin, or null for anything else ("null", garbage). */
export function normalizeOrigin(origin: string): string | null {
  try {
    const url = new URL(origin);
    return url.protocol === "http:" || url.protocol === "https:" ? url.origin : null;
  } catch {
    return null;
  }
}

/**
 * Socket.IO's `allowRequest`: a browser's handshake from an origin not in the allow-list is
 * refused with 403 before any Socket.IO session exists, so a page on another site cannot use a
 * visitor's browser to talk to this server (cross-site WebSocket hijacking). A request without
 * Origin is let through: only browsers send it, and only browsers can be made to attack this way.
 * `allowed` is read per request, so it may depend on the port the server ended up on.
 */
export function originGuard(allowed: () => readonly string[], logger: Logger) {
  return (req: IncomingMessage, callback: (err: string | null | undefined, success: boolean) => void): void => {
    const origin = req.headers.origin;
    if (origin === undefined) return callback(null, true);
    const normalized = normalizeOrigin(origin);
    const ok = normalized !== null && allowed().some((entry) => normalizeOrigin(entry) === normalized);
    if (!ok)
      logger.warn({ origin: origin.slice(0, 200) }, "refused a connection from an origin not in ALLOWED_ORIGINS");
    callback(ok ? null : "origin not allowed", ok);
  };
}
