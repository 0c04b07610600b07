import { randomUUID } from "node:crypto";
import { migrationsDirFor, openDatabase } from "@canaduck/db";
import type { ChannelRecord, Repositories } from "@canaduck/domain";
import { createLogger } from "@canaduck/server";
import { storedMessagesAt } from "../database-view";
import { addAccount, bulkInsert, type BulkRows } from "./bulk-insert";

export interface SeededUser {
  name: string;
  token: string;
}

export interface Seed {
  clients: Array<SeededUser & { channel: string }>;
  publishers: Array<SeededUser & { channels: string[] }>;
  channels: string[];
}

/** A public channel as the server would create it, with nothing said in it yet. */
export const channelRow = (name: string, at: Date): ChannelRecord => ({
  id: randomUUID(),
  name,
  nameKey: name.toLowerCase(),
  kind: "channel",
  topic: "",
  inviteOnly: false,
  previewsOff: false,
  lastSeq: 0,
  createdAt: at,
});

/** One transaction through the server's own store, which also applies the migrations first. */
export async function withStore(databaseUrl: string, work: (tx: Repositories) => Promise<unknown>): Promise<void> {
  const database = await openDatabase(databaseUrl, migrationsDirFor(databaseUrl), createLogger("silent"));
  try {
    await database.store.transaction(async (tx) => void (await work(tx)));
  } finally {
    await database.close();
  }
}

/**
 * Creates accounts, sessions, channels and memberships without hashing thousands of passwords.
 * The server's own openDatabase (@canaduck/db) applies the migrations and inserts the (few) channels; users,
 * sessions and memberships go in bulk, since one store call per row cost about 0.5 ms a row and
 * made 10,000 clients the slowest part of a run. Tokens are real session tokens (the sha256 hex
 * of each is stored, as the server does): clients connect through the normal handshake.
 */
export async function seed(
  databaseUrl: string,
  clients: number,
  publishers: number,
  channels: number,
  /** "all": each publisher is in (and so receives) every channel; "one": publisher j is only in channel j mod R. */
  publisherChannels: "all" | "one" = "all",
  /** Channels each client is in: client j is in channels j, j + R/n, j + 2R/n … (mod R), spread evenly. */
  channelsPerClient = 1,
): Promise<Seed> {
  const now = new Date();
  const channelRows = Array.from({ length: channels }, (_, i) => channelRow(`#load${i}`, now));
  await withStore(databaseUrl, async (tx) => {
    for (const channel of channelRows) await tx.channels.insert(channel);
  });

  const rows: BulkRows = { users: [], sessions: [], memberships: [] };
  const addUser = (name: string, memberOf: typeof channelRows): string => addAccount(rows, name, memberOf, now).token;
  const result: Seed = { channels: channelRows.map((c) => c.name), clients: [], publishers: [] };
  const stride = Math.max(1, Math.floor(channels / channelsPerClient));
  for (let j = 0; j < clients; j++) {
    const own = Array.from(
      { length: Math.min(channelsPerClient, channels) },
      (_, k) => channelRows[(j + k * stride) % channels],
    );
    const memberOf = own.filter((c) => c !== undefined);
    result.clients.push({
      name: `c${j}`,
      token: addUser(`c${j}`, memberOf),
      channel: memberOf[0]?.name ?? "",
    });
  }
  for (let j = 0; j < publishers; j++) {
    const own = publisherChannels === "all" ? channelRows : channelRows.filter((_, i) => i === j % channelRows.length);
    result.publishers.push({ name: `p${j}`, token: addUser(`p${j}`, own), channels: own.map((c) => c.name) });
  }
  await bulkInsert(databaseUrl, rows);
  return result;
}

/** How many text messages the server committed, over the given channels. */
export async function countStored(databaseUrl: string, channels: string[]): Promise<number> {
  let total = 0;
  for (const channel of channels) total += (await storedMessagesAt(databaseUrl, channel)).length;
  return total;
}
