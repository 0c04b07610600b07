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
  // What people wrote, should a payload or a statement's values ever be put in a line.
  "payload",
  "*.payload",
  "text",
  "*.text",
  "topic",
  "*.topic",
  "parameters",
  "*.parameters",
  "query",
  "*.query",
];

/** An error as it is logged: what kind it is and where it was thrown, never what it carried. */
export interface LoggedError {
  type: string;
  code?: string | number;
  errno?: number;
  syscall?: string;
  stack?: string;
  cause?: LoggedError;
  errors?: LoggedError[];
}

/** Error codes of drivers and of Node (P2002, 23505, SQLITE_BUSY, ECONNREFUSED): names, not data. */
const CODE = /^[A-Za-z0-9_.-]{1,64}$/;
const FRAME = /^\s+at \S/;
/** Nested causes and aggregated errors logged, at most: a cycle or a huge aggregate stays one line. */
const MAX_DEPTH = 3;
const MAX_ERRORS = 5;
const MAX_FRAMES = 20;

const field = (error: object, key: string): unknown => (error as Record<string, unknown>)[key];

/**
 * The stack's frames without its first line, which repeats the message. When the stack does not
 * begin with the message as V8 writes it, there is no telling frames from message: none is kept.
 */
function framesOf(error: Error): string | undefined {
  const { stack } = error;
  if (typeof stack !== "string") return undefined;
  const header = error.message === "" ? `${error.name}` : `${error.name}: ${error.message}`;
  if (!stack.startsWith(header)) return undefined;
  const frames = stack
    .slice(header.length)
    .split("\n")
    .filter((line) => FRAME.test(line));
  return frames.slice(0, MAX_FRAMES).join("\n");
}

function describe(value: unknown, depth: number): LoggedError {
  if (!(value instanceof Error)) return { type: value === null ? "null" : typeof value };
  const logged: LoggedError = { type: value.constructor.name || "Error" };
  const code = field(value, "code");
  if ((typeof code === "string" && CODE.test(code)) || typeof code === "number") logged.code = code;
  const errno = field(value, "errno");
  if (typeof errno === "number") logged.errno = errno;
  const syscall = field(value, "syscall");
  if (typeof syscall === "string" && CODE.test(syscall)) logged.syscall = syscall;
  const stack = framesOf(value);
  if (stack !== undefined) logged.stack = stack;
  if (depth < MAX_DEPTH && value.cause !== undefined) logged.cause = describe(value.cause, depth + 1);
  if (depth < MAX_DEPTH && value instanceof AggregateError && Array.isArray(value.errors)) {
    logged.errors = value.errors.slice(0, MAX_ERRORS).map((e: unknown) => describe(e, depth + 1));
  }
  return logged;
}

/**
 * Errors are logged by kind, code and stack frames, and never by their message nor any other
 * property: database drivers fill those with the statement and its values (every line of a
 * failed batch of sends, a password hash), and a JSON parse error quotes its input. An operator
 * reads where it failed and which code the driver gave; what people wrote stays out of the log.
 */
export function errorWithoutData(error: unknown): LoggedError {
  return describe(error, 0);
}
