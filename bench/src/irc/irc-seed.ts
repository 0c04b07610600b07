import { randomUUID } from "node:crypto";
import { migrationsDirFor, openDatabase } from "@canaduck/db";
import { argon2Hasher, createLogger } from "@canaduck/server";
import { bulkInsert, userRow } from "../load/bulk-insert";

export const IRC_BENCH_PASSWORD = "bench password";

/**
 * `count` accounts named c0, c1 … that log in over IRC with `PASS name:password`. The password is
 * hashed once, by the server's own argon2id hasher at its own cost, and that hash is given to
 * every account: each login still verifies it in full, only the seeding skips a thousand hashes.
 * No memberships: the clients' JOINs make the channels, as IRC users do.
 */
export async function seedIrcAccounts(databaseUrl: string, count: number): Promise<string[]> {
  // The server's own openDatabase applies the migrations before the bulk insert.
  const database = await openDatabase(databaseUrl, migrationsDirFor(databaseUrl), createLogger("silent"));
  await database.close();
  const passwordHash = await argon2Hasher.hash(IRC_BENCH_PASSWORD);
  const now = new Date();
  const names = Array.from({ length: count }, (_, i) => `c${i}`);
  await bulkInsert(databaseUrl, {
    users: names.map((name) => userRow(randomUUID(), name, passwordHash, now)),
    sessions: [],
    memberships: [],
  });
  return names;
}
