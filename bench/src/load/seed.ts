import { createHash, randomBytes, randomUUID } from "node:crypto";
import { createLogger, loadConfig, openDatabase } from "@canaduck/server";
import type { Repositories } from "@canaduck/domain";
import { storedMessagesAt } from "../database-view";

export interface SeededUser {
  name: string;
  token: string;
}

export interface Seed {
  clients: Array<SeededUser & { channel: string }>;
  publishers: Array<SeededUser & { channels: string[] }>;
  channels: string[];
}

/**
 * Creates accounts, sessions, channels and memberships through the server's own store (so on
 * SQLite or PostgreSQL alike), without hashing thousands of passwords. Tokens are real session
 * tokens: clients connect through the normal handshake.
 */
export async function seed(databaseUrl: string, clients: number, publishers: number, channels: number): Promise<Seed> {
  const config = loadConfig({ DATABASE_URL: databaseUrl });
  const database = await openDatabase(databaseUrl, config.migrationsDir, createLogger("silent"));
  try {
    const now = new Date();
    const expiresAt = new Date(now.getTime() + 24 * 3600 * 1000);
    const channelRows = Array.from({ length: channels }, (_, i) => ({
      id: randomUUID(), name: `#load${i}`, nameKey: `#load${i}`, kind: "channel" as const, topic: "", inviteOnly: false, lastSeq: 0, createdAt: now,
    }));
    await database.store.transaction(async (tx) => {
      for (const channel of channelRows) await tx.channels.insert(channel);
    });
    const addUser = async (tx: Repositories, name: string, memberOf: typeof channelRows) => {
      const id = randomUUID();
      const token = randomBytes(32).toString("base64url");
      await tx.users.insert({ id, name, nameKey: name, passwordHash: "!", isAdmin: false, createdAt: now });
      await tx.sessions.insert({ id: randomUUID(), userId: id, tokenHash: createHash("sha256").update(token).digest("hex"), createdAt: now, expiresAt, revokedAt: null });
      for (const c of memberOf) await tx.memberships.insert({ channelId: c.id, userId: id, role: "member", joinedAt: now });
      return token;
    };
    const result: Seed = { channels: channelRows.map((c) => c.name), clients: [], publishers: [] };
    for (let i = 0; i < clients; i += 250) {
      await database.store.transaction(async (tx) => {
        for (let j = i; j < Math.min(clients, i + 250); j++) {
          const channel = channelRows[j % channels];
          const token = await addUser(tx, `c${j}`, channel ? [channel] : []);
          result.clients.push({ name: `c${j}`, token, channel: channel?.name ?? "" });
        }
      });
    }
    await database.store.transaction(async (tx) => {
      for (let j = 0; j < publishers; j++) result.publishers.push({ name: `p${j}`, token: await addUser(tx, `p${j}`, channelRows), channels: result.channels });
    });
    return result;
  } finally {
    await database.close();
  }
}

/** How many text messages the server committed, over the given channels. */
export async function countStored(databaseUrl: string, channels: string[]): Promise<number> {
  let total = 0;
  for (const channel of channels) total += (await storedMessagesAt(databaseUrl, channel)).length;
  return total;
}
