/**
 * How PostgreSQL failures reach us through Prisma and @prisma/adapter-pg: a Prisma error
 * with a P-code whose meta.driverAdapterError.cause holds the adapter's reading of the
 * driver error ({ kind, originalCode }), or that DriverAdapterError itself, or a plain
 * `pg` Error (connection lost mid-query).
 */
interface AdapterCause {
  kind?: unknown;
  originalCode?: unknown;
}

const field = (value: unknown, key: string): unknown =>
  typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;

function adapterCause(error: unknown): AdapterCause {
  const cause = field(field(field(error, "meta"), "driverAdapterError"), "cause") ?? field(error, "cause");
  return typeof cause === "object" && cause !== null ? cause : {};
}

const text = (value: unknown): string => (typeof value === "string" ? value : "");
const prismaCode = (error: unknown): string => text(field(error, "code"));
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : "");
/** The SQLSTATE: the adapter's reading of it, or a plain `pg` error's own `code` (raw statements, postgres-read-sql.ts). */
function sqlState(error: unknown): string {
  const adapted = text(adapterCause(error).originalCode);
  if (adapted !== "") return adapted;
  const code = prismaCode(error);
  return /^[0-9A-Z]{5}$/.test(code) ? code : "";
}

/** Adapter kinds that mean the server cannot be reached or the connection was lost. */
const UNAVAILABLE_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  "DatabaseDoesNotExist",
]);
/** Prisma: unreachable, timed out, connection closed, pool or transaction timeouts. */
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);
/** SQLSTATE classes 08 (connection), 53 (out of resources) and 57P (server shutting down or restarting). */
const UNAVAILABLE_SQLSTATE = /^(08|53|57P)/;
/** What `pg` and Prisma say when the socket goes away or a connection cannot be had in time. */
const UNAVAILABLE_MESSAGE =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|Connection terminated|Can't reach database|timeout exceeded when trying to connect|terminating connection|Client has encountered a connection error|Unable to start a transaction|Transaction already closed/i;

/** The database cannot be reached right now: the command is refused as UNAVAILABLE. */
export function isPostgresUnavailable(error: unknown): boolean {
  const cause = adapterCause(error);
  return (
    UNAVAILABLE_PRISMA_CODES.has(prismaCode(error)) ||
    UNAVAILABLE_KINDS.has(text(cause.kind)) ||
    UNAVAILABLE_SQLSTATE.test(sqlState(error)) ||
    UNAVAILABLE_MESSAGE.test(messageOf(error))
  );
}

/**
 * A clash with a concurrent transaction that running the whole transaction again resolves:
 * serialization failures and deadlocks, and unique-constraint races (two joins creating one
 * channel, two DMs opening one conversation, a retried send racing its original), where the
 * next attempt finds the row the winner committed and answers as if it had come second.
 */
export function isPostgresConflict(error: unknown): boolean {
  const cause = adapterCause(error);
  const code = prismaCode(error);
  return (
    code === "P2002" ||
    code === "P2034" ||
    cause.kind === "UniqueConstraintViolation" ||
    cause.kind === "TransactionWriteConflict" ||
    ["40001", "40P01", "23505"].includes(sqlState(error))
  );
}
