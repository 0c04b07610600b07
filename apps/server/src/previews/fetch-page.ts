import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP } from "node:net";
import { isPublicAddress } from "../webhooks/address-policy";
import { checkedLookup, formRefusal, isAllowListed, type TargetPolicy } from "../webhooks/webhook-targets";

/** Redirects followed before giving up; each new address is checked as the first was. */
export const MAX_REDIRECTS = 3;

export interface FetchLimits {
  policy: TargetPolicy;
  /** The whole fetch, redirects included: a site dripping bytes cannot hold it longer. */
  timeoutMs: number;
  /** Bytes of the body read; the rest is never downloaded (the connection is closed). */
  maxBytes: number;
  /** Media types accepted (by prefix, e.g. "text/html", "image/"); anything else is refused. */
  accept: readonly string[];
}

export type Fetched =
  { ok: true; url: string; type: string; body: Buffer; truncated: boolean } | { ok: false; error: string };

/**
 * GETs `raw` for a preview, as a stranger's link must be fetched: only http(s), no credentials
 * in the URL, never to loopback, private, link-local or metadata addresses — checked on the
 * literal, after DNS in the socket's own lookup (the address connected to is the one checked),
 * and again for every redirect, of which at most MAX_REDIRECTS are followed.
 */
export async function fetchForPreview(raw: string, limits: FetchLimits): Promise<Fetched> {
  const deadline = Date.now() + limits.timeoutMs;
  let current = raw;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop += 1) {
    const form = formRefusal(current);
    if ("refusal" in form) return { ok: false, error: `refused: ${form.refusal}` };
    const answer = await getOnce(form.url, limits, deadline - Date.now());
    if (!answer.ok) return answer;
    if ("redirect" in answer) {
      current = answer.redirect;
      continue;
    }
    return answer;
  }
  return { ok: false, error: `more than ${MAX_REDIRECTS} redirects` };
}

type Hop = Fetched | { ok: true; redirect: string };

function getOnce(url: URL, limits: FetchLimits, timeoutMs: number): Promise<Hop> {
  return new Promise((resolve) => {
    if (timeoutMs <= 0) {
      resolve({ ok: false, error: "timed out" });
      return;
    }
    const host = url.hostname.replace(/^\[|\]$/g, "");
    const exempt = isAllowListed(limits.policy, url);
    // An address literal is connected to without a lookup, so it is checked here.
    if (isIP(host) !== 0 && !exempt && !isPublicAddress(host)) {
      resolve({ ok: false, error: `refused: ${host} is a loopback, private or reserved address` });
      return;
    }
    let settled = false;
    const settle = (result: Hop) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const request = url.protocol === "https:" ? httpsRequest : httpRequest;
    const req = request(
      url,
      {
        method: "GET",
        headers: {
          "User-Agent": "CanaDuck link preview",
          Accept: limits.accept.map((t) => (t.endsWith("/") ? `${t}*` : t)).join(", "),
          // A compressed body would make the size cap a cap on compressed bytes.
          "Accept-Encoding": "identity",
        },
        lookup: checkedLookup(limits.policy, url),
        agent: false,
      },
      (res) => onResponse(url, res, limits, settle, () => req.destroy()),
    );
    const timer = setTimeout(() => {
      req.destroy();
      settle({ ok: false, error: "timed out" });
    }, timeoutMs);
    req.on("error", (error) => settle({ ok: false, error: error.message.slice(0, 200) }));
    req.end();
  });
}

function onResponse(
  url: URL,
  res: IncomingMessage,
  limits: FetchLimits,
  settle: (result: Hop) => void,
  abort: () => void,
): void {
  const status = res.statusCode ?? 0;
  if (status >= 300 && status < 400 && res.headers.location !== undefined) {
    res.resume();
    abort();
    let next: URL;
    try {
      next = new URL(res.headers.location, url);
    } catch {
      settle({ ok: false, error: "a redirect to something that is not a URL" });
      return;
    }
    settle({ ok: true, redirect: next.href });
    return;
  }
  const type = (res.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (status < 200 || status >= 300 || !limits.accept.some((t) => type.startsWith(t))) {
    res.resume();
    abort();
    settle({ ok: false, error: status < 200 || status >= 300 ? `HTTP ${status}` : `not a preview: ${type}` });
    return;
  }
  const chunks: Buffer[] = [];
  let read = 0;
  const done = (truncated: boolean) =>
    settle({ ok: true, url: url.href, type, body: Buffer.concat(chunks).subarray(0, limits.maxBytes), truncated });
  res.on("data", (chunk: Buffer) => {
    chunks.push(chunk);
    read += chunk.length;
    if (read >= limits.maxBytes) {
      // Enough: the rest of the page is never downloaded.
      done(true);
      abort();
    }
  });
  res.on("end", () => done(false));
  res.on("error", (error) => settle({ ok: false, error: error.message.slice(0, 200) }));
}
