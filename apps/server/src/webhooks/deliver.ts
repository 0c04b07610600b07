import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP } from "node:net";
import { checkedLookup, isAllowListed, type TargetPolicy } from "./webhook-targets";
import { isPublicAddress } from "./address-policy";

export type AttemptResult = { ok: true; status: number } | { ok: false; status: number | null; error: string };

/** Longest answer body read (then dropped): a receiver's answer is not the point. */
const MAX_ANSWER_BYTES = 16 * 1024;

/**
 * One POST of a delivery. Redirects are not followed (a 3xx is a failure: it could point
 * anywhere); the address is checked after resolution, in the socket's own lookup.
 */
export function attemptDelivery(
  policy: TargetPolicy,
  rawUrl: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<AttemptResult> {
  return new Promise((resolve) => {
    let url: URL;
    try {
      url = new URL(rawUrl);
    } catch {
      resolve({ ok: false, status: null, error: "not a URL" });
      return;
    }
    const host = url.hostname.replace(/^\[|\]$/g, "");
    // An address literal is connected to without a lookup, so it is checked here.
    if (isIP(host) !== 0 && !isAllowListed(policy, url) && !isPublicAddress(host)) {
      resolve({ ok: false, status: null, error: `refused: ${host} is a loopback, private or reserved address` });
      return;
    }
    const request = url.protocol === "https:" ? httpsRequest : httpRequest;
    let settled = false;
    const settle = (result: AttemptResult) => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    const req = request(
      url,
      {
        method: "POST",
        headers: { ...headers, "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) },
        lookup: checkedLookup(policy, url),
        agent: false,
        timeout: timeoutMs,
      },
      (res) => {
        const status = res.statusCode ?? 0;
        let read = 0;
        res.on("data", (chunk: Buffer) => {
          read += chunk.length;
          if (read > MAX_ANSWER_BYTES) res.destroy();
        });
        res.on("error", () => undefined);
        res.on("close", () => undefined);
        res.resume();
        settle(status >= 200 && status < 300 ? { ok: true, status } : { ok: false, status, error: `HTTP ${status}` });
      },
    );
    // The whole attempt, not only an idle socket: a receiver dripping bytes cannot hold it.
    const deadline = setTimeout(() => req.destroy(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
    req.on("timeout", () => req.destroy(new Error(`timed out after ${timeoutMs} ms`)));
    req.on("error", (error) => settle({ ok: false, status: null, error: error.message.slice(0, 200) }));
    req.on("close", () => clearTimeout(deadline));
    req.end(body);
  });
}
