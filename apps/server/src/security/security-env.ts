import { z } from "zod";
import { rateRuleSchema } from "./rate-rule";
import type { RateLimitConfig } from "./rate-limits";

// prefault: the fallback is text, parsed like a value that was set.
const rule = (fallback: string) => rateRuleSchema.prefault(fallback);

/** The environment variables of the security settings, merged into config.ts's schema. */
export const securityEnv = {
  /** Comma-separated origins browsers may connect from; unset: this server's own and Vite's. */
  ALLOWED_ORIGINS: z
    .string()
    .transform((s) =>
      s
        .split(",")
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .optional(),
  /** How many reverse proxies in front of the server append to X-Forwarded-For; 0 ignores it. */
  TRUST_PROXY: z
    .string()
    .regex(/^(\d+|true|false)$/, "a number of proxies (0 for none), or true for one")
    .transform((s) => (s === "true" ? 1 : s === "false" ? 0 : Number(s)))
    .pipe(z.number().int().max(10, "at most 10 proxies"))
    .prefault("0"),
  MAX_CHANNELS_PER_USER: z.coerce.number().int().positive().default(200),
  /** A request whose headers have not all arrived by then is closed (slowloris). */
  HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /** A request (headers and body) not received in full by then is closed; WebSockets are not requests. */
  HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  /** `off` switches every rate limit off at once: for load tests, never for a public server. */
  RATE_LIMITS: z.enum(["on", "off"]).default("on"),
  RATE_SEND_PER_USER: rule("60/30s"),
  RATE_SEND_PER_ADDRESS: rule("300/30s"),
  RATE_JOIN_PER_USER: rule("30/1m"),
  RATE_JOIN_PER_ADDRESS: rule("150/1m"),
  RATE_MARK_PER_USER: rule("120/30s"),
  RATE_MARK_PER_ADDRESS: rule("600/30s"),
  RATE_SEARCH_PER_USER: rule("60/30s"),
  RATE_SEARCH_PER_ADDRESS: rule("300/30s"),
  RATE_READ_PER_USER: rule("300/30s"),
  RATE_READ_PER_ADDRESS: rule("1200/30s"),
  /** In KiB of answers: 8 MiB a user, 16 MiB an address, each 30 s (a human reads far less). */
  RATE_READ_KIB_PER_USER: rule("8192/30s"),
  RATE_READ_KIB_PER_ADDRESS: rule("16384/30s"),
  RATE_TYPING_PER_USER: rule("120/30s"),
  RATE_TYPING_PER_ADDRESS: rule("600/30s"),
  RATE_COMMAND_PER_USER: rule("120/30s"),
  RATE_COMMAND_PER_ADDRESS: rule("600/30s"),
  RATE_LOGIN_FAILURES_PER_ACCOUNT: rule("10/15m"),
  RATE_LOGIN_FAILURES_PER_ADDRESS: rule("30/15m"),
  RATE_REGISTER_PER_ADDRESS: rule("50/1h"),
  RATE_CONNECT_PER_ADDRESS: rule("200/1m"),
};

type SecurityEnv = z.output<z.ZodObject<typeof securityEnv>>;

export interface SecurityConfig {
  /** null: this server's own origins and Vite's dev server (see origin-guard.ts). */
  allowedOrigins: string[] | null;
  /** HOST: a named address the server listens on is one of its own origins. */
  host: string;
  trustProxy: number;
  maxChannelsPerUser: number;
  /** Half-open HTTP requests are closed after these (create-server.ts). */
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  rateLimits: RateLimitConfig;
  /**
   * A connection answered RATE_LIMITED this often within 10 s is closed (refusal-meter.ts);
   * null with RATE_LIMITS=off, where nothing is limited and a client may offer all it likes.
   */
  closeAfterRefusals: number | null;
}

export function toSecurityConfig(e: SecurityEnv & { HOST: string }): SecurityConfig {
  const on = e.RATE_LIMITS === "on";
  return {
    allowedOrigins: e.ALLOWED_ORIGINS ?? null,
    host: e.HOST,
    trustProxy: e.TRUST_PROXY,
    maxChannelsPerUser: e.MAX_CHANNELS_PER_USER,
    headersTimeoutMs: e.HTTP_HEADERS_TIMEOUT_MS,
    // Node refuses a request timeout shorter than the headers'.
    requestTimeoutMs: Math.max(e.HTTP_REQUEST_TIMEOUT_MS, e.HTTP_HEADERS_TIMEOUT_MS),
    closeAfterRefusals: on ? 1_000 : null,
    rateLimits: {
      sendPerUser: on ? e.RATE_SEND_PER_USER : null,
      sendPerAddress: on ? e.RATE_SEND_PER_ADDRESS : null,
      joinPerUser: on ? e.RATE_JOIN_PER_USER : null,
      joinPerAddress: on ? e.RATE_JOIN_PER_ADDRESS : null,
      markPerUser: on ? e.RATE_MARK_PER_USER : null,
      markPerAddress: on ? e.RATE_MARK_PER_ADDRESS : null,
      searchPerUser: on ? e.RATE_SEARCH_PER_USER : null,
      searchPerAddress: on ? e.RATE_SEARCH_PER_ADDRESS : null,
      readPerUser: on ? e.RATE_READ_PER_USER : null,
      readPerAddress: on ? e.RATE_READ_PER_ADDRESS : null,
      readKibPerUser: on ? e.RATE_READ_KIB_PER_USER : null,
      readKibPerAddress: on ? e.RATE_READ_KIB_PER_ADDRESS : null,
      typingPerUser: on ? e.RATE_TYPING_PER_USER : null,
      typingPerAddress: on ? e.RATE_TYPING_PER_ADDRESS : null,
      commandPerUser: on ? e.RATE_COMMAND_PER_USER : null,
      commandPerAddress: on ? e.RATE_COMMAND_PER_ADDRESS : null,
      loginPerAccount: on ? e.RATE_LOGIN_FAILURES_PER_ACCOUNT : null,
      loginPerAddress: on ? e.RATE_LOGIN_FAILURES_PER_ADDRESS : null,
      registerPerAddress: on ? e.RATE_REGISTER_PER_ADDRESS : null,
      connectPerAddress: on ? e.RATE_CONNECT_PER_ADDRESS : null,
    },
  };
}
