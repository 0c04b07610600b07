import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Repositories } from "@canaduck/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../src/database";
import { migrationsDirFor } from "../src/migrations-dir";
import { openDatabase } from "../src/open-database";
import { testDatabase, type TestDatabase } from "../src/testing";

/**
 * The batch-of-sends reads are raw SQL with rows coerced by hand; each must return exactly
 * what the typed one-row read returns for the same record, on SQLite and on PostgreSQL (this
 * file runs in both suites): booleans, dates, nulls and JSON included.
 */
describe("batch reads match the typed reads", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "canaduck-reads-"));
  let place: TestDatabase;
  let database: Database;
  const read = <T>(work: (tx: Repositories) => Promise<T>) => database.store.transaction(work);
  const at = (iso: string) => new Date(iso);

  beforeAll(async () => {
    place = testDatabase(dir);
    const url = await place.url();
    database = await openDatabase(url, migrationsDirFor(url), { warn: () => undefined });
    await read(async (tx) => {
      for (const [id, isAdmin] of [
        ["u-admin", true],
        ["u-plain", false],
      ] as const) {
        await tx.users.insert({
          id,
          name: id.toUpperCase(),
          nameKey: id,
          passwordHash: "$argon2id$x",
          isAdmin,
          createdAt: at("2026-03-01T10:00:00.123Z"),
          suspendedAt: isAdmin ? null : at("2026-03-03T09:00:00.5Z"),
          suspendReason: isAdmin ? null : "spam",
          awayMessage: isAdmin ? "lunch" : null,
          isBot: !isAdmin,
          ownerId: isAdmin ? null : "u-admin",
        });
      }
      await tx.sessions.insert({
        id: "s-live",
        userId: "u-plain",
        tokenHash: "h1",
        createdAt: at("2026-03-01T10:00:00Z"),
        expiresAt: at("2026-04-01T00:00:00.5Z"),
        revokedAt: null,
        kind: "login",
        name: null,
        scopes: null,
      });
      await tx.sessions.insert({
        id: "s-gone",
        userId: "u-plain",
        tokenHash: "h2",
        createdAt: at("2026-03-01T10:00:00Z"),
        expiresAt: at("2026-04-01T00:00:00Z"),
        revokedAt: at("2026-03-02T08:30:00.250Z"),
        kind: "token",
        name: "ci",
        scopes: "read write",
      });
      await tx.channels.insert({
        id: "c-1",
        name: "#Mixed",
        nameKey: "#mixed",
        kind: "channel",
        topic: "t",
        inviteOnly: true,
        previewsOff: false,
        lastSeq: 0,
        createdAt: at("2026-03-01T10:00:00Z"),
      });
      await tx.channels.insert({
        id: "c-2",
        name: "#open",
        nameKey: "#open",
        kind: "channel",
        topic: "",
        inviteOnly: false,
        previewsOff: false,
        lastSeq: 0,
        createdAt: at("2026-03-01T10:00:00Z"),
      });
      await tx.memberships.insert({
        channelId: "c-1",
        userId: "u-plain",
        role: "operator",
        joinedAt: at("2026-03-01T11:00:00.001Z"),
      });
      await tx.bans.upsert({
        channelId: "c-2",
        userId: "u-plain",
        reason: "spam",
        bannedBy: "U-ADMIN",
        createdAt: at("2026-03-01T12:00:00Z"),
        expiresAt: null,
      });
      await tx.bans.upsert({
        channelId: "c-1",
        userId: "u-admin",
        reason: "",
        bannedBy: "U-PLAIN",
        createdAt: at("2026-03-01T12:00:00Z"),
        expiresAt: at("2026-03-01T13:00:00.999Z"),
      });
      const seq = await tx.channels.allocateSeqs("c-1", 2);
      await tx.messages.insertMany([
        {
          id: "m-1",
          channelId: "c-1",
          seq: seq - 1,
          authorId: "u-plain",
          authorName: "U-PLAIN",
          authorIsBot: false,
          kind: "action",
          text: "waves ☺",
          meta: {},
          clientId: "k-1",
          createdAt: at("2026-03-01T14:00:00.007Z"),
          version: seq + 5,
          editedAt: at("2026-03-01T14:00:02.5Z"),
          deletedAt: null,
          targetSeq: null,
          replyToSeq: 1,
        },
        {
          id: "m-2",
          channelId: "c-1",
          seq,
          authorId: "u-plain",
          authorName: "U-PLAIN",
          authorIsBot: false,
          kind: "kick",
          text: "",
          meta: { target: { id: "u-admin", name: "U-ADMIN" }, reason: "r" },
          clientId: "k-2",
          createdAt: at("2026-03-01T14:00:01Z"),
          version: seq,
          editedAt: null,
          deletedAt: at("2026-03-01T14:00:03Z"),
          targetSeq: 1,
          replyToSeq: null,
        },
      ]);
    });
  });
  afterAll(async () => {
    await database.close();
    await place.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));

  it("reads users, sessions and channels by the batch", async () => {
    await read(async (tx) => {
      expect(byId(await tx.users.findByIds(["u-admin", "u-plain", "u-none"]))).toEqual([
        await tx.users.findById("u-admin"),
        await tx.users.findById("u-plain"),
      ]);
      expect(byId(await tx.sessions.findByIds(["s-live", "s-gone"]))).toEqual([
        await tx.sessions.findById("s-gone"),
        await tx.sessions.findById("s-live"),
      ]);
      expect(byId(await tx.channels.findByNameKeys(["#mixed", "#open", "#none"]))).toEqual([
        await tx.channels.findById("c-1"),
        await tx.channels.findById("c-2"),
      ]);
      expect(byId(await tx.sessions.findByTokenHashes(["h1", "h2", "h3"]))).toEqual([
        await tx.sessions.findByTokenHash("h2"),
        await tx.sessions.findByTokenHash("h1"),
      ]);
      expect(await tx.users.findByIds([])).toEqual([]);
    });
  });

  it("reads memberships, bans and earlier sends by the batch", async () => {
    await read(async (tx) => {
      expect(await tx.memberships.findAmong(["c-1", "c-2"], ["u-plain", "u-admin"])).toEqual([
        await tx.memberships.find("c-1", "u-plain"),
      ]);
      expect(await tx.memberships.findByUsers(["u-plain", "u-none"])).toEqual([
        await tx.memberships.find("c-1", "u-plain"),
      ]);
      const bans = await tx.bans.findAmong(["c-1", "c-2"], ["u-plain", "u-admin"]);
      expect([...bans].sort((a, b) => a.channelId.localeCompare(b.channelId))).toEqual([
        await tx.bans.find("c-1", "u-admin"),
        await tx.bans.find("c-2", "u-plain"),
      ]);
      const earlier = await tx.messages.findByClientIds(["u-plain"], ["k-1", "k-2", "k-3"]);
      expect(byId(earlier)).toEqual([
        await tx.messages.findByClientId("u-plain", "k-1"),
        await tx.messages.findByClientId("u-plain", "k-2"),
      ]);
      expect(earlier.find((m) => m.id === "m-2")?.meta).toEqual({
        target: { id: "u-admin", name: "U-ADMIN" },
        reason: "r",
      });
    });
  });

  // On SQLite a transaction's raw statements run straight on its connection, outside one
  // through Prisma: both must agree, and the rows they write must read back as written.
  it("writes lines in a transaction that read back as written, and reads alike in and out of one", async () => {
    const outside = await database.store.read((tx) => tx.messages.findByClientIds(["u-plain"], ["k-1", "k-2"]));
    const inside = await read((tx) => tx.messages.findByClientIds(["u-plain"], ["k-1", "k-2"]));
    expect(byId(outside)).toEqual(byId(inside));
    const line = await database.store.read((tx) => tx.messages.findByClientId("u-plain", "k-1"));
    expect(line).toMatchObject({
      id: "m-1",
      text: "waves ☺",
      createdAt: at("2026-03-01T14:00:00.007Z"),
      editedAt: at("2026-03-01T14:00:02.5Z"),
      deletedAt: null,
      replyToSeq: 1,
    });
  });
});
