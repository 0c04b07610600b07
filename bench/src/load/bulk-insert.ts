import { createHash, randomBytes, randomUUID } from "node:crypto";
import { createPrismaClient, tables, type Table } from "@canaduck/db";
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
 * SQLite through the server's own Prisma client and libSQL adapter, so DateTime and Boolean are
 * stored exactly as the server writes and reads them. One transaction: one commit.
 */
async function insertSqlite(databaseUrl: string, rows: BulkRows): Promise<void> {
  const prisma = createPrismaClient(databaseUrl.slice("file:".length));
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

/** A value as `pg` should bind it: dates as ISO text (see below), a column the row leaves out as NULL. */
const bound = (value: unknown): unknown => (value instanceof Date ? value.toISOString() : (value ?? null));

/**
 * One multi-row INSERT per chunk, over every column of the table as the schema declares them
 * (@canaduck/db's tables); `$n` parameters, so nothing is spliced into the SQL but names.
 */
async function insertPg<Row>(client: pg.Client, table: Table<Row>, rows: ReadonlyArray<Partial<Row>>): Promise<void> {
  const { columns } = table;
  for (const chunk of chunks([...rows])) {
    const values = chunk
      .map((_, i) => `(${columns.map((_, j) => `$${i * columns.length + j + 1}`).join(", ")})`)
      .join(", ");
    await client.query(
      `INSERT INTO "${table.name}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${values}`,
      chunk.flatMap((row) => columns.map((c) => bound(row[c]))),
    );
  }
}

/**
 * PostgreSQL through `pg` (the generated PostgreSQL client is not exported). Columns are
 * TIMESTAMP(3) without time zone holding UTC, as Prisma writes them: an ISO string's "Z" is
 * ignored by such a column, so its UTC wall-clock time is what is stored, whatever the session's
 * time zone.
 */
async function insertPostgres(databaseUrl: string, rows: BulkRows): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("BEGIN");
    await insertPg(client, tables.user, rows.users);
    await insertPg(client, tables.session, rows.sessions);
    await insertPg(client, tables.membership, rows.memberships);
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

/** A seeded account as the users table holds it: an ordinary user, not suspended, away or a bot. */
export const userRow = (
  id: string,
  name: string,
  passwordHash: string,
  createdAt: Date,
): BulkRows["users"][number] => ({
  id,
  name,
  nameKey: name,
  passwordHash,
  isAdmin: false,
  createdAt,
  suspendedAt: null,
  suspendReason: null,
  awayMessage: null,
  isBot: false,
  ownerId: null,
});

/**
 * Adds an ordinary account to `rows` with a live login session (a day long) and a membership of
 * each of `memberOf`; answers its id and the session's token. The sha256 hex of the token is
 * stored, as the server stores it, so clients connect through the normal handshake.
 */
export function addAccount(
  rows: BulkRows,
  name: string,
  memberOf: ReadonlyArray<{ id: string }>,
  at: Date,
  role: MembershipRecord["role"] = "member",
): { id: string; token: string } {
  const id = randomUUID();
  const token = randomBytes(32).toString("base64url");
  rows.users.push(userRow(id, name, "!", at));
  rows.sessions.push({
    id: randomUUID(),
    userId: id,
    tokenHash: createHash("sha256").update(token).digest("hex"),
    createdAt: at,
    expiresAt: new Date(at.getTime() + 24 * 3600 * 1000),
    kind: "login",
    name: null,
    scopes: null,
  });
  for (const c of memberOf) rows.memberships.push({ channelId: c.id, userId: id, role, joinedAt: at });
  return { id, token };
}
