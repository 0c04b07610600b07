import { pino, type DestinationStream, type Logger } from "pino";
import { errorWithoutSecrets, REDACTED_PATHS } from "./security/log-redaction";

export type { Logger };

/** Structured JSON logs, to stdout unless told otherwise. Secrets never reach them: see security/log-redaction.ts. */
export const createLogger = (level: string, destination?: DestinationStream): Logger =>
  pino(
    {
      level,
      base: { service: "canaduck" },
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
      serializers: { err: errorWithoutSecrets },
    },
    destination,
  );
