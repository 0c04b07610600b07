import { isIP } from "node:net";
import type { ServerConfig } from "../config";
import type { Logger } from "../logger";

/** Who may read /metrics: the bearer of a token, anyone who reaches it, or nobody. */
export type MetricsAccess = { kind: "token"; token: string } | { kind: "open" } | { kind: "closed" };

/** Whether HOST only listens on this machine: 127.0.0.0/8, ::1 (also as ::ffff:127.x) or localhost. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, "$1").toLowerCase();
  if (bare === "localhost") return true;
  if (isIP(bare) === 4) return bare.startsWith("127.");
  if (isIP(bare) === 6) return bare === "::1" || /^::ffff:127\./.test(bare);
  return false;
}

/**
 * Counts of clients and rates of events and errors are for the operator. Without METRICS_TOKEN
 * they are served only when nobody but this machine can ask: HOST is loopback and no proxy in
 * front (TRUST_PROXY=0), since a proxy on this machine would forward anyone's request.
 */
export function metricsAccess(config: Pick<ServerConfig, "host" | "metricsToken" | "security">): MetricsAccess {
  if (config.metricsToken !== null) return { kind: "token", token: config.metricsToken };
  return isLoopbackHost(config.host) && config.security.trustProxy === 0 ? { kind: "open" } : { kind: "closed" };
}

/** Tells the operator at start when /metrics is refused, and how to turn it on. */
export function logMetricsAccess(access: MetricsAccess, logger: Logger): void {
  if (access.kind !== "closed") return;
  logger.warn(
    "/metrics is refused (403): HOST is not a loopback address, or TRUST_PROXY names a proxy in front, " +
      "and METRICS_TOKEN is not set. Set METRICS_TOKEN (16 characters or more) and scrape with " +
      "`Authorization: Bearer <token>`",
  );
}
