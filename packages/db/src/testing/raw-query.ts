import { createClient } from "@libsql/client";
import pg from "pg";
import { isPostgresUrl } from "../database-url";

/**
 * Runs one read on a test's database as an operator would, past the server and its ORM: how a
 * test proves what is really stored (say, that a deleted line's text is gone from the file).
 */
export async function rawQuery(url: string, sql: string): Promise<Array<Record<string, unknown>>> {
  if (isPostgresUrl(url)) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query<Record<string, unknown>>(sql)).rows;
    } finally {
      await client.end();
    }
  }
  const client = createClient({ url });
  try {
    return (await client.execute(sql)).rows.map((row) => ({ ...row }));
  } finally {
    client.close();
  }
}
