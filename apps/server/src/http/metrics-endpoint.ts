import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

export type MetricsSource = () => Promise<{ body: string; contentType: string }>;

const digest = (text: string) => createHash("sha256").update(text).digest();

/**
 * Answers a scrape of /metrics; with a token, only a request bearing it (401 otherwise).
 * Compared as digests in constant time, so the answer's timing tells nothing of the token.
 */
export function metricsEndpoint(source: MetricsSource, token: string | null) {
  const expected = token === null ? null : digest(`Bearer ${token}`);
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
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
