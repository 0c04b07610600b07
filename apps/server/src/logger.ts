import { pino, type Logger } from "pino";

export type { Logger };

/** Structured JSON logs. Secrets never reach them: tokens and passwords are redacted by path. */
export const createLogger = (level: string): Logger =>
  pino({
    level,
    base: { service: "canaduck" },
    redact: { paths: ["token", "password", "*.token", "*.password", "passwordHash", "*.passwordHash"], censor: "[redacted]" },
  });
