import type { Ban, Channel, Membership, Message, Session, User } from "@prisma/client";
import type { Prisma } from "@prisma/client";
import { placeholder, type SqlDialect } from "./send-statements";

/**
 * The reads of a batch of sends (who is sending, where to, are they in it, was this line sent
 * before) and of a batch of connections (whose tokens, in which channels), as raw `SELECT … WHERE column IN (…)` statements: through Prisma's typed API each
 * cost about four times as much, and a node runs them for every batch. Rows come back as
 * each database's driver returns them (SQLite: booleans as 0/1; either: dates as Date or
 * text), so each is coerced into the row type Prisma's typed API would have returned.
 */
type Row = Record<string, unknown>;

async function selectWhereIn(
  tx: Prisma.TransactionClient,
  dialect: SqlDialect,
  table: string,
  columns: readonly string[],
  where: ReadonlyArray<readonly [column: string, values: readonly unknown[]]>,
): Promise<Row[]> {
  if (where.some(([, values]) => values.length === 0)) return [];
  const args: unknown[] = [];
  const conditions = where.map(([column, values]) => {
    const marks = values.map((value) => {
      args.push(value);
      return placeholder(dialect, args.length);
    });
    return `"${column}" IN (${marks.join(", ")})`;
  });
  const sql = `SELECT ${columns.map((c) => `"${c}"`).join(", ")} FROM "${table}" WHERE ${conditions.join(" AND ")}`;
  return tx.$queryRawUnsafe<Row[]>(sql, ...args);
}

const text = (value: unknown): string => (typeof value === "string" ? value : String(value));
const textOrNull = (value: unknown): string | null => (value === null || value === undefined ? null : text(value));
const bool = (value: unknown): boolean => value === true || value === 1 || value === 1n || value === "1" || value === "true";
const int = (value: unknown): number => Number(value);
const date = (value: unknown): Date => {
  if (value instanceof Date) return value;
  const written = text(value);
  // A timestamp without a zone is UTC, as Prisma writes it; JavaScript would read it as local time.
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(written) ? written : `${written.replace(" ", "T")}Z`);
};
const dateOrNull = (value: unknown): Date | null => (value === null || value === undefined ? null : date(value));

export const batchReads = (tx: Prisma.TransactionClient, dialect: SqlDialect) => ({
  async users(ids: readonly string[]): Promise<User[]> {
    const rows = await selectWhereIn(tx, dialect, "User", ["id", "name", "nameKey", "passwordHash", "isAdmin", "createdAt"], [["id", ids]]);
    return rows.map((r) => ({ id: text(r.id), name: text(r.name), nameKey: text(r.nameKey), passwordHash: text(r.passwordHash), isAdmin: bool(r.isAdmin), createdAt: date(r.createdAt) }));
  },
  async sessions(by: "id" | "tokenHash", values: readonly string[]): Promise<Session[]> {
    const rows = await selectWhereIn(tx, dialect, "Session", ["id", "userId", "tokenHash", "createdAt", "expiresAt", "revokedAt"], [[by, values]]);
    return rows.map((r) => ({ id: text(r.id), userId: text(r.userId), tokenHash: text(r.tokenHash), createdAt: date(r.createdAt), expiresAt: date(r.expiresAt), revokedAt: dateOrNull(r.revokedAt) }));
  },
  async channels(nameKeys: readonly string[]): Promise<Channel[]> {
    const rows = await selectWhereIn(tx, dialect, "Channel", ["id", "name", "nameKey", "kind", "topic", "inviteOnly", "lastSeq", "createdAt"], [["nameKey", nameKeys]]);
    return rows.map((r) => ({ id: text(r.id), name: text(r.name), nameKey: text(r.nameKey), kind: text(r.kind), topic: text(r.topic), inviteOnly: bool(r.inviteOnly), lastSeq: int(r.lastSeq), createdAt: date(r.createdAt) }));
  },
  /** Memberships of `userIds`, in `channelIds` only when given. */
  async memberships(userIds: readonly string[], channelIds?: readonly string[]): Promise<Membership[]> {
    const where = channelIds === undefined ? ([["userId", userIds]] as const) : ([["channelId", channelIds], ["userId", userIds]] as const);
    const rows = await selectWhereIn(tx, dialect, "Membership", ["channelId", "userId", "role", "joinedAt"], where);
    return rows.map((r) => ({ channelId: text(r.channelId), userId: text(r.userId), role: text(r.role), joinedAt: date(r.joinedAt) }));
  },
  async bans(channelIds: readonly string[], userIds: readonly string[]): Promise<Ban[]> {
    const rows = await selectWhereIn(tx, dialect, "Ban", ["channelId", "userId", "reason", "bannedBy", "createdAt", "expiresAt"], [["channelId", channelIds], ["userId", userIds]]);
    return rows.map((r) => ({ channelId: text(r.channelId), userId: text(r.userId), reason: text(r.reason), bannedBy: text(r.bannedBy), createdAt: date(r.createdAt), expiresAt: dateOrNull(r.expiresAt) }));
  },
  async messagesByClientIds(authorIds: readonly string[], clientIds: readonly string[]): Promise<Message[]> {
    const columns = ["id", "channelId", "seq", "authorId", "authorName", "kind", "text", "meta", "clientId", "createdAt"];
    const rows = await selectWhereIn(tx, dialect, "Message", columns, [["authorId", authorIds], ["clientId", clientIds]]);
    return rows.map((r) => ({
      id: text(r.id), channelId: text(r.channelId), seq: int(r.seq), authorId: textOrNull(r.authorId), authorName: textOrNull(r.authorName),
      kind: text(r.kind), text: text(r.text), meta: text(r.meta), clientId: textOrNull(r.clientId), createdAt: date(r.createdAt),
    }));
  },
});
