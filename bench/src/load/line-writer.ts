import { randomUUID } from "node:crypto";
import { tables } from "@canaduck/db";
import Database from "libsql";
import pg from "pg";

/** A said line as a bench writes it: the rest of the Message row is what the server would write. */
export interface LineRow {
  channelId: string;
  seq: number;
  authorId: string;
  text: string;
  createdAt: Date;
}

const columnList = tables.message.columns.map((c) => `"${c}"`).join(", ");

function messageRow(line: LineRow): unknown[] {
  const row: Record<string, unknown> = {
    ...line,
    id: randomUUID(),
    authorName: "someone",
    authorIsBot: false,
    kind: "text",
    meta: "{}",
    clientId: null,
    version: line.seq,
    editedAt: null,
    deletedAt: null,
    targetSeq: null,
    replyToSeq: null,
  };
  return tables.message.columns.map((c) => row[c] ?? null);
}

function* batches(lines: Iterable<LineRow>, size: number, seqs: Map<string, number>): Generator<unknown[][]> {
  let rows: unknown[][] = [];
  for (const line of lines) {
    seqs.set(line.channelId, Math.max(seqs.get(line.channelId) ?? 0, line.seq));
    rows.push(messageRow(line));
    if (rows.length === size) {
      yield rows;
      rows = [];
    }
  }
  if (rows.length > 0) yield rows;
}

function writeSqlite(file: string, lines: Iterable<LineRow>): void {
  const db = new Database(file);
  try {
    const insert = db.prepare(
      `INSERT INTO "Message" (${columnList}) VALUES (${tables.message.columns.map(() => "?").join(", ")})`,
    );
    // As the server's libSQL adapter stores them: DateTime as ISO text with an explicit offset,
    // Boolean as 0 or 1 (libsql cannot bind a JavaScript boolean: it aborts the process).
    const sqliteValue = (v: unknown) =>
      v instanceof Date ? v.toISOString().replace("Z", "+00:00") : typeof v === "boolean" ? Number(v) : v;
    const seqs = new Map<string, number>();
    for (const rows of batches(lines, 20_000, seqs)) {
      db.exec("BEGIN");
      for (const row of rows) insert.run(...row.map(sqliteValue));
      db.exec("COMMIT");
    }
    const bump = db.prepare(`UPDATE "Channel" SET "lastSeq" = ? WHERE id = ?`);
    for (const [id, seq] of seqs) bump.run(seq, id);
  } finally {
    db.close();
  }
}

async function writePostgres(url: string, lines: Iterable<LineRow>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const width = tables.message.columns.length;
  try {
    const seqs = new Map<string, number>();
    for (const rows of batches(lines, 1_000, seqs)) {
      const values = rows.map(
        (_, i) => `(${Array.from({ length: width }, (_, j) => `$${i * width + j + 1}`).join(", ")})`,
      );
      await client.query(
        `INSERT INTO "Message" (${columnList}) VALUES ${values.join(", ")}`,
        rows.flatMap((row) => row.map((v) => (v instanceof Date ? v.toISOString() : v))),
      );
    }
    for (const [id, seq] of seqs) await client.query(`UPDATE "Channel" SET "lastSeq" = $1 WHERE id = $2`, [seq, id]);
    await client.query(`VACUUM ANALYZE "Message"`);
  } finally {
    await client.end();
  }
}

/**
 * Writes lines straight into the database, through the same triggers and generated columns the
 * server's writes go through, and sets each channel's last seq to its newest line's. Much faster
 * than sending them, so a bench can hold a million lines.
 */
export async function writeLines(databaseUrl: string, lines: Iterable<LineRow>): Promise<void> {
  if (databaseUrl.startsWith("file:")) writeSqlite(databaseUrl.slice("file:".length), lines);
  else await writePostgres(databaseUrl, lines);
}
