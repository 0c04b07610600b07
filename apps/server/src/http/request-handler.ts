import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { setSecurityHeaders } from "../security/security-headers";
import { serveStatic } from "./static-files";

export interface HttpDeps {
  webDist: string;
  /** Whether the server is up and its database answers. */
  health(): Promise<boolean>;
  /** Whether each backing service (database, and Redis when configured) answers. */
  readiness(): Promise<Record<string, boolean>>;
  /** The Prometheus exposition and its content type. */
  metrics(): Promise<{ body: string; contentType: string }>;
}

const sendJson = (res: ServerResponse, status: number, body: unknown) => {
  res.statusCode = status;
  res.setHeader("Content-Type", "application/json");
  res.end(JSON.stringify(body));
};

/** The plain-HTTP side of the server: health, readiness, metrics and the web client. Socket.IO handles /socket.io/. */
export function createRequestHandler(deps: HttpDeps) {
  const webDist = path.resolve(deps.webDist);
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    setSecurityHeaders(res);
    const url = new URL(req.url ?? "/", "http://x");
    if (url.pathname === "/healthz") {
      const healthy = await deps.health().catch(() => false);
      return sendJson(res, healthy ? 200 : 503, { status: healthy ? "ok" : "unavailable" });
    }
    if (url.pathname === "/readyz") {
      const checks = await deps.readiness();
      const ready = Object.values(checks).every(Boolean);
      return sendJson(res, ready ? 200 : 503, { status: ready ? "ready" : "not ready", checks });
    }
    if (url.pathname === "/metrics") {
      const { body, contentType } = await deps.metrics();
      res.setHeader("Content-Type", contentType);
      res.end(body);
      return;
    }
    if ((req.method === "GET" || req.method === "HEAD") && (await serveStatic(webDist, req, res))) return;
    if (url.pathname === "/") {
      res.setHeader("Content-Type", "text/plain; charset=utf-8");
      res.end("CanaDuck server is running. The web client is not built yet: run `npm run build`.\n");
      return;
    }
    sendJson(res, 404, { error: "not found" });
  };
}
