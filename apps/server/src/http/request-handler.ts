import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { setSecurityHeaders } from "../security/security-headers";
import { isApiRequest } from "../http-api";
import { serveStatic } from "./static-files";

export interface HttpDeps {
  webDist: string;
  /** Whether each backing service (database, and Redis when configured) answers. */
  readiness(): Promise<Record<string, boolean>>;
  /** Serves /metrics; null when it is served on a port of its own (METRICS_PORT). */
  metrics: ((req: IncomingMessage, res: ServerResponse) => Promise<void>) | null;
  /** The HTTP API: /api/v1, /api/openapi.json and /api/docs. */
  api(req: IncomingMessage, res: ServerResponse): Promise<void>;
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
    // Liveness: that this process answers. A database blip must not get healthy nodes
    // restarted by an orchestrator; /readyz is where the dependencies are checked.
    if (url.pathname === "/healthz") return sendJson(res, 200, { status: "ok" });
    if (url.pathname === "/readyz") {
      const checks = await deps.readiness();
      const ready = Object.values(checks).every(Boolean);
      return sendJson(res, ready ? 200 : 503, { status: ready ? "ready" : "not ready", checks });
    }
    if (url.pathname === "/metrics") {
      // Served on its own port: a 404 here, not the web app's page.
      return deps.metrics === null ? sendJson(res, 404, { error: "not found" }) : deps.metrics(req, res);
    }
    if (isApiRequest(url.pathname)) return deps.api(req, res);
    if ((req.method === "GET" || req.method === "HEAD") && (await serveStatic(webDist, req, res))) return;
    if (url.pathname === "/") {
      res.setHeader("Content-Type", "text/plain; charset=utf-8");
      res.end("CanaDuck server is running. The web client is not built yet: run `npm run build`.\n");
      return;
    }
    sendJson(res, 404, { error: "not found" });
  };
}
