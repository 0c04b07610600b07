import type { Logger } from "../logger";
import { AbuseGuard } from "./abuse-guard";
import { clientAddress, type AddressSource } from "./client-address";
import { defaultAllowedOrigins, originGuard } from "./origin-guard";
import { memoryRateLimiters, type RateLimiterFactory } from "./rate-limiter";
import type { SecurityConfig } from "./security-env";

export interface Security {
  guard: AbuseGuard;
  /** The address per-address limits count a connection under. */
  addressOf(source: AddressSource): string;
  /** Socket.IO's allowRequest: the origin allow-list. */
  allowRequest: ReturnType<typeof originGuard>;
}

/**
 * Everything the transport needs to resist abuse. `port` is read per request, since with
 * PORT=0 the server's own origin is only known once it listens. Swap `limiters` for a Redis
 * factory to share the limits between servers.
 */
export function createSecurity(
  config: SecurityConfig,
  logger: Logger,
  port: () => number,
  limiters: RateLimiterFactory = memoryRateLimiters,
): Security {
  const allowed = config.allowedOrigins;
  return {
    guard: new AbuseGuard(config.rateLimits, limiters, logger),
    addressOf: (source) => clientAddress(source, config.trustProxy),
    allowRequest: originGuard(() => allowed ?? defaultAllowedOrigins(port(), config.host), logger),
  };
}
