import path from "node:path";
import { z } from "zod";
import { migrationsDirFor } from "@canaduck/db";
import { readConfigFile } from "./config-file";
import { repoRoot } from "./paths";
import { securityEnv, toSecurityConfig, type SecurityConfig } from "./security/security-env";

const commaList = z.string().transform((s) =>
  s
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean),
);

/** Every environment variable the server reads, with its default. */
const envSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default("127.0.0.1"),
    DATABASE_URL: z
      .string()
      .regex(
        /^(file:|postgres(ql)?:\/\/)/i,
        "use a SQLite file: URL (file:./data/canaduck.db) or a PostgreSQL URL (postgresql://user@host:5432/db)",
      )
      .default(`file:${path.join(repoRoot, "data", "canaduck.db")}`),
    /**
     * Retired: it made whoever registered one of these names an admin, so a name not yet taken, or
     * freed by a rename, could be claimed. Read only to warn a deployment that still sets it.
     */
    ADMIN_NAMES: commaList.default([]),
    SESSION_TTL_HOURS: z.coerce
      .number()
      .positive()
      .default(24 * 30),
    /** How long after writing a line its author may edit it; unset: no limit. */
    EDIT_WINDOW_SECONDS: z.coerce.number().int().positive().optional(),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    WEB_DIST: z.string().default(path.join(repoRoot, "apps", "web", "dist")),
    PING_INTERVAL_MS: z.coerce.number().int().positive().default(10_000),
    PING_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
    MAX_QUEUED_BYTES_PER_CONNECTION: z.coerce
      .number()
      .int()
      .positive()
      .default(2 * 1024 * 1024),
    SHUTDOWN_GRACE_MS: z.coerce.number().int().nonnegative().default(10_000),
    /** How often connections are checked for sessions ended elsewhere; 0 turns the check off. */
    SESSION_SWEEP_MS: z.coerce.number().int().nonnegative().default(5_000),
    /** Set to run several nodes: Socket.IO's Redis adapter, shared presence and rate limits. */
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, "a redis:// URL, e.g. redis://127.0.0.1:6379")
      .optional(),
    /** Prefix of every Redis key and channel this deployment uses. */
    REDIS_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9:_-]+$/)
      .default("canaduck"),
    /** Serve /metrics on this port (on HOST) instead of the chat port. */
    METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
    /** When set, /metrics requires `Authorization: Bearer <token>`; unset, it is served on loopback only. */
    METRICS_TOKEN: z.string().min(16, "at least 16 characters").optional(),
    /** The IRC gateway's plain-text port on HOST; 0: a random port (tests); "off": no IRC listener. */
    IRC_PORT: z.union([z.literal("off"), z.coerce.number().int().min(0).max(65535)]).default(6667),
    /** The IRC gateway over TLS, served only when IRC_TLS_CERT and IRC_TLS_KEY name PEM files. */
    IRC_TLS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
    IRC_TLS_CERT: z.string().min(1).optional(),
    IRC_TLS_KEY: z.string().min(1).optional(),
    /** Lines replayed on JOIN to an IRC client without draft/chathistory; 0: none. */
    IRC_PLAYBACK_LINES: z.coerce.number().int().min(0).max(200).default(20),
    /** Largest upload, in bytes: a bigger one is refused FILE_TOO_LARGE (413) and nothing is kept. */
    UPLOAD_MAX_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .default(10 * 1024 * 1024),
    /** Bytes one user may upload in 24 hours: beyond, UPLOAD_QUOTA_EXCEEDED (429). */
    UPLOAD_QUOTA: z.coerce
      .number()
      .int()
      .positive()
      .default(200 * 1024 * 1024),
    /** Where FILE_STORAGE=disk keeps files; default: `uploads` beside the SQLite file, else data/uploads. */
    UPLOAD_DIR: z.string().min(1).optional(),
    /** disk: UPLOAD_DIR, for one node; database: rows of the database, shared by every node. */
    FILE_STORAGE: z.enum(["disk", "database"]).optional(),
    /**
     * Outgoing webhook targets exempt from the private-address refusal: `host` or `host:port`
     * (e.g. `127.0.0.1:4567,localhost`), for a receiver on this machine or the local network.
     */
    WEBHOOK_ALLOWED_HOSTS: commaList.default([]),
    /** How long one delivery attempt may take before it counts as failed. */
    WEBHOOK_TIMEOUT_MS: z.coerce.number().int().positive().default(5_000),
    /** Attempts per delivery before it is marked failed. */
    WEBHOOK_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
    /** The first retry's delay; each next one doubles it, with jitter. */
    WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().positive().default(2_000),
    /** on: the first link of a line gets a preview the server fetches (title, description, image). */
    LINK_PREVIEWS: z.enum(["on", "off"]).default("on"),
    /**
     * Preview hosts exempt from the private-address refusal, like WEBHOOK_ALLOWED_HOSTS: `host`
     * or `host:port`. Empty in production; a test allow-lists its local page server.
     */
    PREVIEW_ALLOWED_HOSTS: commaList.default([]),
    /** How long fetching one page (or its image), redirects included, may take. */
    PREVIEW_TIMEOUT_MS: z.coerce.number().int().positive().default(5_000),
    /** Bytes of a page's HTML read for its preview; the rest is never downloaded. */
    PREVIEW_MAX_HTML_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .default(512 * 1024),
    ...securityEnv,
  })
  .refine((e) => e.IRC_TLS_PORT === undefined || (e.IRC_TLS_CERT !== undefined && e.IRC_TLS_KEY !== undefined), {
    path: ["IRC_TLS_PORT"],
    message: "IRC over TLS needs IRC_TLS_CERT and IRC_TLS_KEY (PEM files)",
  });

export interface ServerConfig {
  port: number;
  host: string;
  databaseUrl: string;
  /** ADMIN_NAMES as set, granting nothing: admins are granted with the admin command line. */
  retiredAdminNames: string[];
  sessionTtlMs: number;
  /** How long a line stays editable by its author; null: always. */
  editWindowMs: number | null;
  logLevel: z.infer<typeof envSchema>["LOG_LEVEL"];
  webDist: string;
  migrationsDir: string;
  /** Heartbeat: a connection that does not answer a ping within interval + timeout is dropped. */
  pingIntervalMs: number;
  pingTimeoutMs: number;
  /** Bytes queued for a client that is not reading before it is dropped. */
  maxQueuedBytes: number;
  /** How long a shutdown waits for commands in flight. */
  shutdownGraceMs: number;
  /**
   * Every this often, connections whose session was ended outside this server (the admin command
   * line, expiry) are told and closed; 0: only their next command is refused.
   */
  sessionSweepMs: number;
  /** Null for a single node. */
  redisUrl: string | null;
  redisPrefix: string;
  /** Null: /metrics on the chat port. */
  metricsPort: number | null;
  /** Null: /metrics only when HOST is loopback with no proxy in front (http/metrics-access.ts). */
  metricsToken: string | null;
  /** Origins, proxies, rate limits and channels per user (security/security-env.ts). */
  security: SecurityConfig;
  /** The IRC gateway (irc/listener.ts). */
  irc: IrcConfig;
  /** Uploaded files (files/). */
  files: FilesConfig;
  /** Outgoing webhook deliveries (webhooks/delivery-queue.ts). */
  webhooks: WebhookConfig;
  /** Link previews (previews/). */
  previews: PreviewConfig;
}

export interface PreviewConfig {
  enabled: boolean;
  /** `host` or `host:port` entries let through the private-address refusal. */
  allowedHosts: string[];
  timeoutMs: number;
  maxHtmlBytes: number;
}

export interface WebhookConfig {
  /** `host` or `host:port` entries let through the private-address refusal. */
  allowedHosts: string[];
  timeoutMs: number;
  attempts: number;
  retryBaseMs: number;
}

export interface FilesConfig {
  maxBytes: number;
  quotaBytes: number;
  /** Default: disk on SQLite, database on PostgreSQL (a PostgreSQL deployment may run several nodes). */
  storage: "disk" | "database";
  dir: string;
}

/** Uploads live beside the SQLite file, so a data folder (and a test's temporary one) holds everything. */
function defaultUploadDir(databaseUrl: string): string {
  if (!databaseUrl.startsWith("file:")) return path.join(repoRoot, "data", "uploads");
  return path.join(path.dirname(path.resolve(databaseUrl.replace(/^file:(\/\/)?/, ""))), "uploads");
}

export interface IrcConfig {
  /** Null: no plain-text listener. */
  port: number | null;
  /** Null: no TLS listener. */
  tls: { port: number; certPath: string; keyPath: string } | null;
  playbackLines: number;
}

/**
 * Reads the configuration: each setting from the environment, else from the configuration file
 * (CANADUCK_CONFIG, or ./canaduck.config.json), else its default. Both are validated by the one
 * schema above, and a bad setting stops the start naming it (and the file, when it came from there).
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): ServerConfig {
  const file = readConfigFile(env.CANADUCK_CONFIG, cwd, Object.keys(envSchema.shape));
  const fromEnv = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined));
  const parsed = envSchema.safeParse({ ...file.values, ...fromEnv });
  if (!parsed.success) {
    const source = (key: string) =>
      file.path !== null && key in file.values && !(key in fromEnv) ? ` (in ${file.path})` : "";
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.join(".")}${source(String(issue.path[0]))}: ${issue.message}`)
      .join("\n  ");
    throw new Error(`Invalid configuration:\n  ${problems}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    retiredAdminNames: e.ADMIN_NAMES,
    sessionTtlMs: e.SESSION_TTL_HOURS * 3600 * 1000,
    editWindowMs: e.EDIT_WINDOW_SECONDS === undefined ? null : e.EDIT_WINDOW_SECONDS * 1000,
    logLevel: e.LOG_LEVEL,
    webDist: e.WEB_DIST,
    // Each database keeps its own migrations, written from the same schema (packages/db/prisma).
    migrationsDir: migrationsDirFor(e.DATABASE_URL),
    pingIntervalMs: e.PING_INTERVAL_MS,
    pingTimeoutMs: e.PING_TIMEOUT_MS,
    maxQueuedBytes: e.MAX_QUEUED_BYTES_PER_CONNECTION,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    sessionSweepMs: e.SESSION_SWEEP_MS,
    redisUrl: e.REDIS_URL ?? null,
    redisPrefix: e.REDIS_PREFIX,
    metricsPort: e.METRICS_PORT ?? null,
    metricsToken: e.METRICS_TOKEN ?? null,
    security: toSecurityConfig(e),
    irc: {
      port: e.IRC_PORT === "off" ? null : e.IRC_PORT,
      tls:
        e.IRC_TLS_PORT !== undefined && e.IRC_TLS_CERT !== undefined && e.IRC_TLS_KEY !== undefined
          ? { port: e.IRC_TLS_PORT, certPath: e.IRC_TLS_CERT, keyPath: e.IRC_TLS_KEY }
          : null,
      playbackLines: e.IRC_PLAYBACK_LINES,
    },
    files: {
      maxBytes: e.UPLOAD_MAX_BYTES,
      quotaBytes: e.UPLOAD_QUOTA,
      storage: e.FILE_STORAGE ?? (e.DATABASE_URL.startsWith("file:") ? "disk" : "database"),
      dir: path.resolve(e.UPLOAD_DIR ?? defaultUploadDir(e.DATABASE_URL)),
    },
    webhooks: {
      allowedHosts: e.WEBHOOK_ALLOWED_HOSTS,
      timeoutMs: e.WEBHOOK_TIMEOUT_MS,
      attempts: e.WEBHOOK_ATTEMPTS,
      retryBaseMs: e.WEBHOOK_RETRY_BASE_MS,
    },
    previews: {
      enabled: e.LINK_PREVIEWS === "on",
      allowedHosts: e.PREVIEW_ALLOWED_HOSTS,
      timeoutMs: e.PREVIEW_TIMEOUT_MS,
      maxHtmlBytes: e.PREVIEW_MAX_HTML_BYTES,
    },
  };
}
