// What the SQLite and the PostgreSQL tests of the log-entries migration share.
import { cpSync, readdirSync } from "node:fs";
import path from "node:path";

export const LOG_ENTRIES = "20261201220000_log_entries";

/** The migrations before issue 12's, as a database upgraded from the previous release has them. */
export function migrationsBefore(dir: string, into: string): string {
  // Migrations are named by time; files that are not migrations (the lock) are kept.
  for (const name of readdirSync(dir)) {
    if (!/^\d/.test(name) || name < LOG_ENTRIES)
      cpSync(path.join(dir, name), path.join(into, name), { recursive: true });
  }
  return into;
}

/** What upgrading from there applies: the log-entries migration first, and any made since. */
export const fromLogEntries = (dir: string): string[] =>
  readdirSync(dir)
    .filter((name) => /^\d/.test(name) && name >= LOG_ENTRIES)
    .sort();

// A channel with two lines and one member, written by the previous release.
export const EXISTING = [
  `INSERT INTO "User" ("id", "name", "nameKey", "passwordHash", "isAdmin", "createdAt") VALUES ('u1', 'alice', 'alice', 'h', false, '2026-01-01 00:00:00')`,
  `INSERT INTO "Channel" ("id", "name", "nameKey", "kind", "lastSeq", "createdAt") VALUES ('c1', '#dev', '#dev', 'channel', 2, '2026-01-01 00:00:00')`,
  `INSERT INTO "Membership" ("channelId", "userId", "role", "joinedAt") VALUES ('c1', 'u1', 'owner', '2026-01-01 00:00:00')`,
  `INSERT INTO "Message" ("id", "channelId", "seq", "authorId", "authorName", "kind", "text", "createdAt") VALUES ('m1', 'c1', 1, 'u1', 'alice', 'join', '', '2026-01-01 00:00:00')`,
  `INSERT INTO "Message" ("id", "channelId", "seq", "authorId", "authorName", "kind", "text", "createdAt") VALUES ('m2', 'c1', 2, 'u1', 'alice', 'text', 'hi', '2026-01-01 00:00:01')`,
];
export const VERSIONS = `SELECT "seq", "version", "editedAt", "deletedAt" FROM "Message" ORDER BY "seq"`;
export const MARKERS = `SELECT "userId", "channelId", "seq" FROM "ReadMarker"`;
/** The member count the channel_member_count migration fills in for channels that already had members. */
export const MEMBER_COUNTS = `SELECT "id", "memberCount" FROM "Channel"`;
export const expected = {
  versions: [
    { seq: 1, version: 1, editedAt: null, deletedAt: null },
    { seq: 2, version: 2, editedAt: null, deletedAt: null },
  ],
  markers: [{ userId: "u1", channelId: "c1", seq: 2 }],
  memberCounts: [{ id: "c1", memberCount: 1 }],
};
