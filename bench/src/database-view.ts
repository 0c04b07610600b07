import { createClient } from "@libsql/client";
import pg from "pg";

export interface StoredMessage {
  id: string;
  seq: number;
  text: string;
  clientId: string | null;
}

/** Reads what the server committed, straight from its SQLite file, by channel name. */
export async function storedMessages(dbFile: string, channelName: string): Promise<StoredMessage[]> {
  const db = createClient({ url: `file:${dbFile}` });
  try {
    const result = await db.execute({
      sql: `SELECT m.id, m.seq, m.text, m.clientId FROM Message m JOIN Channel c ON c.id = m.channelId
            WHERE c.nameKey = ? AND m.kind = 'text' ORDER BY m.seq`,
      args: [channelName.toLowerCase()],
    });
    const text = (value: unknown): string => (typeof value === "string" ? value : "");
    return result.rows.map((row) => ({
      id: text(row.id),
      seq: Number(row.seq),
      text: text(row.text),
      clientId: row.clientId === null ? null : text(row.clientId),
    }));
  } finally {
    db.close();
  }
}

/** The same, from a database given by URL: a SQLite `file:` URL or a PostgreSQL one. */
export async function storedMessagesAt(databaseUrl: string, channelName: string): Promise<StoredMessage[]> {
  if (databaseUrl.startsWith("file:")) return storedMessages(databaseUrl.slice("file:".length), channelName);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query<{ id: string; seq: number; text: string; clientId: string | null }>(
      `SELECT m.id, m.seq, m.text, m."clientId" FROM "Message" m JOIN "Channel" c ON c.id = m."channelId"
       WHERE c."nameKey" = $1 AND m.kind = 'text' ORDER BY m.seq`,
      [channelName.toLowerCase()],
    );
    return result.rows.map((row) => ({ ...row, seq: Number(row.seq) }));
  } finally {
    await client.end();
  }
}
