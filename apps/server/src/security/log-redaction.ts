import { stdSerializers } from "pino";

/** Fields that hold secrets wherever they sit in a log line's first two levels. */
export const REDACTED_PATHS = [
  "token",
  "password",
  "passwordHash",
  "tokenHash",
  "*.token",
  "*.password",
  "*.passwordHash",
  "*.tokenHash",
  "auth.token",
  "*.auth.token",
  "headers.cookie",
  "headers.authorization",
  "*.headers.cookie",
  "*.headers.authorization",
];

/** An argon2 hash in the PHC string format, wherever it appears in text. */
const ARGON2_HASH = /\$argon2(?:id|i|d)\$[^\s"'`]+/g;

/**
 * Errors are logged with their message and stack, which a database driver may have filled
 * with the values of a failed write (a password hash among them): those are cut out here.
 */
export function errorWithoutSecrets(error: Error): ReturnType<typeof stdSerializers.err> {
  const serialized = stdSerializers.err(error);
  const scrub = (text: string) => text.replace(ARGON2_HASH, "[redacted hash]");
  return { ...serialized, message: scrub(serialized.message), stack: scrub(serialized.stack) };
}
