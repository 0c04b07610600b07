import { createHmac, timingSafeEqual } from "node:crypto";

/** `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`, as receivers verify it. */
export function signatureHeader(secret: string, body: string, unixSeconds: number): string {
  return `t=${unixSeconds},v1=${hmacHex(secret, unixSeconds, body)}`;
}

const hmacHex = (secret: string, t: number, body: string) =>
  createHmac("sha256", secret).update(`${t}.${body}`).digest("hex");

export type SignatureCheck = { ok: true; t: number; v1: string } | { ok: false; reason: "missing" | "bad" | "stale" };

/** Checks a signature header against the raw body: well formed, matching, and within `toleranceS` of now. */
export function checkSignature(
  secret: string,
  header: string | undefined,
  body: string,
  nowS: number,
  toleranceS: number,
): SignatureCheck {
  if (header === undefined || header === "") return { ok: false, reason: "missing" };
  const match = /^t=(\d{1,12}),v1=([0-9a-f]{64})$/.exec(header.trim());
  if (match === null) return { ok: false, reason: "bad" };
  const t = Number(match[1]);
  const v1 = match[2] ?? "";
  const expected = Buffer.from(hmacHex(secret, t, body), "hex");
  if (!timingSafeEqual(expected, Buffer.from(v1, "hex"))) return { ok: false, reason: "bad" };
  // Checked after the HMAC, so "stale" is only said of a request that was genuinely signed.
  if (Math.abs(nowS - t) > toleranceS) return { ok: false, reason: "stale" };
  return { ok: true, t, v1 };
}
