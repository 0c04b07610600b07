import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaClient } from "@prisma/client";
import type { MembershipRecord, SessionRecord, UserRecord } from "@canaduck/domain";
import pg from "pg";

export interface BulkRows {
  users: UserRecord[];
  /** Live sessions: no revocation column to write. */
  sessions: Array<Omit<SessionRecord, "revokedAt">>;
  memberships: MembershipRecord[];
}

// Rows per statement: large enough that 10,000 users take a few dozen statements, small enough
// to stay far below SQLite's and PostgreSQL's limits on bound parameters (6 × 500 = 3,000).
const CHUNK = 500;

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

/**
 * SQLite through Prisma's own client and libSQL adapter (as the server opens it), so DateTime and
 * Boolean are stored exactly as the server writes and reads them. One transaction: one commit.
 */
async function insertSqlite(databaseUrl: string, rows: BulkRows): Promise<void> {
  const prisma = new PrismaClient({ adapter: new PrismaLibSQL({ url: databaseUrl }) });
  try {
    await prisma.$transaction([
      ...chunks(rows.users).map((data) => prisma.user.createMany({ data })),
      ...chunks(rows.sessions).map((data) => prisma.session.createMany({ data })),
      ...chunks(rows.memberships).map((data) => prisma.membership.createMany({ data })),
    ]);
  } finally {
    await prisma.$disconnect();
  }
}

/** One multi-row INSERT per chunk; `$n` parameters, so nothing is spliced into the SQL but names. */
async function insertPg(client: pg.Client, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  for (const chunk of chunks(rows)) {
    const values = chunk.map((row, i) => `(${row.map((_, j) => `$${i * row.length + j + 1}`).join(", ")})`).join(", ");
    await client.query(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${values}`, chunk.flat());
  }
}

/**
 * PostgreSQL through `pg` (the server's generated PostgreSQL client is not exported). Columns are
 * TIMESTAMP(3) without time zone holding UTC, as Prisma writes them: an ISO string's "Z" is
 * ignored by such a column, so its UTC wall-clock time is what is stored, whatever the session's
 * time zone.
 */
async function insertPostgres(databaseUrl: string, rows: BulkRows): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("BEGIN");
    await insertPg(client, "User", ["id", "name", "nameKey", "passwordHash", "isAdmin", "createdAt"], rows.users.map((u) => [u.id, u.name, u.nameKey, u.passwordHash, u.isAdmin, u.createdAt.toISOString()]));
    await insertPg(client, "Session", ["id", "userId", "tokenHash", "createdAt", "expiresAt"], rows.sessions.map((s) => [s.id, s.userId, s.tokenHash, s.createdAt.toISOString(), s.expiresAt.toISOString()]));
    await insertPg(client, "Membership", ["channelId", "userId", "role", "joinedAt"], rows.memberships.map((m) => [m.channelId, m.userId, m.role, m.joinedAt.toISOString()]));
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/** Writes users, then their sessions, then memberships (foreign-key order), in bulk. */
export async function bulkInsert(databaseUrl: string, rows: BulkRows): Promise<void> {
  if (databaseUrl.startsWith("file:")) await insertSqlite(databaseUrl, rows);
  else await insertPostgres(databaseUrl, rows);
}
