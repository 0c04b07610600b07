import type { ServerResponse } from "node:http";

/**
 * The page may run only its own script files (no inline script, no eval), talk only to its own
 * origin (Socket.IO included: CSP 3 lets 'self' cover ws: and wss: on the same host), load no
 * plugins and be framed by nobody. Inline styles stay allowed: React sets style attributes.
 * Images may be blob: URLs: shared images are fetched with the session's token (an <img> cannot
 * send it) and shown from the bytes, which an <img> never runs as script.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");

/** Headers every HTTP response carries, pages, health and errors alike. */
export function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Referrer-Policy", "no-referrer");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  res.setHeader("Cross-Origin-Resource-Policy", "same-origin");
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
}
