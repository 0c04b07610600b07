import { pino, type DestinationStream, type Logger } from "pino";
import { errorWithoutData, REDACTED_PATHS } from "./security/log-redaction";

export type { Logger };

const carriesError = (first: unknown): boolean =>
  first instanceof Error || (typeof first === "object" && first !== null && "err" in first);

/**
 * Structured JSON logs, to stdout unless told otherwise. Neither secrets nor what people wrote
 * reach them: errors are reduced to kind, code and stack frames (see security/log-redaction.ts).
 */
export const createLogger = (level: string, destination?: DestinationStream): Logger =>
  pino(
    {
      level,
      base: { service: "canaduck" },
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
      serializers: { err: errorWithoutData, error: errorWithoutData },
      hooks: {
        // Given an error and no words of its own, pino would make the error's message the line's.
        logMethod(args, method) {
          if (args.length === 1 && carriesError(args[0])) return method.apply(this, [args[0], "an error occurred"]);
          return method.apply(this, args);
        },
      },
    },
    destination,
  );
