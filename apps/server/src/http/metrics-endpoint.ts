import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { MetricsAccess } from "./metrics-access";

export type MetricsSource = () => Promise<{ body: string; contentType: string }>;

const digest = (text: string) => createHash("sha256").update(text).digest();

/**
 * Answers a scrape of /metrics as `access` says: with a token, only a request bearing it (401
 * otherwise), compared as digests in constant time so the answer's timing tells nothing of the
 * token; closed, 403 to everyone (see metrics-access.ts).
 */
export function metricsEndpoint(source: MetricsSource, access: MetricsAccess) {
  const expected = access.kind === "token" ? digest(`Bearer ${access.token}`) : null;
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (access.kind === "closed") {
      res.statusCode = 403;
      res.setHeader("Content-Type", "text/plain; charset=utf-8");
      res.end("/metrics needs METRICS_TOKEN on a server reachable beyond this machine.\n");
      return;
    }
    if (expected !== null && !timingSafeEqual(digest(req.headers.authorization ?? ""), expected)) {
      res.statusCode = 401;
      res.setHeader("WWW-Authenticate", 'Bearer realm="metrics"');
      res.end();
      return;
    }
    const { body, contentType } = await source();
    res.setHeader("Content-Type", contentType);
    res.end(body);
  };
}
