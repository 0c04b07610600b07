import { createHash, randomBytes, randomUUID } from "node:crypto";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaClient } from "@prisma/client";

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
 * Creates accounts, sessions, channels and memberships straight in the database, so a bench
 * with thousands of clients does not spend minutes hashing passwords. Tokens are real session
 * tokens: clients connect through the normal handshake.
 */
export async function seedSqlite(dbFile: string, clients: number, publishers: number, channels: number): Promise<Seed> {
  const prisma = new PrismaClient({ adapter: new PrismaLibSQL({ url: `file:${dbFile}` }) });
  try {
    const now = new Date();
    const expiresAt = new Date(now.getTime() + 24 * 3600 * 1000);
    const channelRows = Array.from({ length: channels }, (_, i) => ({ id: randomUUID(), name: `#load${i}`, nameKey: `#load${i}`, kind: "channel", createdAt: now }));
    const makeUser = (name: string) => ({ id: randomUUID(), name, nameKey: name, passwordHash: "!", isAdmin: false, createdAt: now });
    const clientUsers = Array.from({ length: clients }, (_, i) => makeUser(`c${i}`));
    const publisherUsers = Array.from({ length: publishers }, (_, i) => makeUser(`p${i}`));
    const tokens = new Map<string, string>();
    const sessions = [...clientUsers, ...publisherUsers].map((u) => {
      const token = randomBytes(32).toString("base64url");
      tokens.set(u.id, token);
      return { id: randomUUID(), userId: u.id, tokenHash: createHash("sha256").update(token).digest("hex"), createdAt: now, expiresAt };
    });
    const memberships = [
      ...clientUsers.map((u, i) => ({ channelId: channelRows[i % channels]?.id ?? "", userId: u.id, role: "member", joinedAt: now })),
      ...publisherUsers.flatMap((u) => channelRows.map((c) => ({ channelId: c.id, userId: u.id, role: "member", joinedAt: now }))),
    ];
    await prisma.channel.createMany({ data: channelRows });
    for (let i = 0; i < clientUsers.length; i += 500) await prisma.user.createMany({ data: clientUsers.slice(i, i + 500) });
    await prisma.user.createMany({ data: publisherUsers });
    for (let i = 0; i < sessions.length; i += 500) await prisma.session.createMany({ data: sessions.slice(i, i + 500) });
    for (let i = 0; i < memberships.length; i += 500) await prisma.membership.createMany({ data: memberships.slice(i, i + 500) });
    return {
      channels: channelRows.map((c) => c.name),
      clients: clientUsers.map((u, i) => ({ name: u.name, token: tokens.get(u.id) ?? "", channel: channelRows[i % channels]?.name ?? "" })),
      publishers: publisherUsers.map((u) => ({ name: u.name, token: tokens.get(u.id) ?? "", channels: channelRows.map((c) => c.name) })),
    };
  } finally {
    await prisma.$disconnect();
  }
}

/** Counts the text messages the server committed. */
export async function countStored(dbFile: string): Promise<number> {
  const prisma = new PrismaClient({ adapter: new PrismaLibSQL({ url: `file:${dbFile}` }) });
  try {
    return await prisma.message.count({ where: { kind: "text" } });
  } finally {
    await prisma.$disconnect();
  }
}
