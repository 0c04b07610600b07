export type Encoding = "br" | "gzip";

/**
 * The precompressed encodings a request's `Accept-Encoding` allows, best first: brotli, then
 * gzip. An encoding given `q=0` is refused (RFC 9110 §12.5.3); `*` stands for any not named.
 */
export function preferredEncodings(header: string | string[] | undefined): Encoding[] {
  const text = Array.isArray(header) ? header.join(",") : (header ?? "");
  const weights = new Map<string, number>();
  for (const part of text.split(",")) {
    const [name = "", ...params] = part.trim().toLowerCase().split(";");
    if (name === "") continue;
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    weights.set(name, q === undefined ? 1 : Number(q));
  }
  const weight = (name: Encoding) => weights.get(name) ?? weights.get("*") ?? 0;
  return (["br", "gzip"] as const).filter((name) => weight(name) > 0).sort((a, b) => weight(b) - weight(a));
}
