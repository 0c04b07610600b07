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
 * A channel's member count is a column the database keeps (triggers on Membership), read in one
 * row whatever the channel's size. It must follow every insert and delete, inside the transaction
 * that made them, and not move when that transaction rolls back (this file runs in both suites).
 */
describe("member counts kept by the database", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "canaduck-counts-"));
  let place: TestDatabase;
  let database: Database;
  const write = <T>(work: (tx: Repositories) => Promise<T>) => database.store.transaction(work);
  const at = new Date("2026-03-01T10:00:00Z");
  const member = (channelId: string, userId: string) => ({ channelId, userId, role: "member" as const, joinedAt: at });
  const counts = () => write((tx) => tx.memberships.countMany(["c-a", "c-b"]));

  beforeAll(async () => {
    place = testDatabase(dir);
    const url = await place.url();
    database = await openDatabase(url, migrationsDirFor(url), { warn: () => undefined });
    await write(async (tx) => {
      for (const id of ["u1", "u2", "u3"])
        await tx.users.insert({
          id,
          name: id,
          nameKey: id,
          passwordHash: "$argon2id$x",
          isAdmin: false,
          createdAt: at,
          suspendedAt: null,
          suspendReason: null,
          awayMessage: null,
          isBot: false,
          ownerId: null,
        });
      for (const id of ["c-a", "c-b"])
        await tx.channels.insert({
          id,
          name: `#${id}`,
          nameKey: `#${id}`,
          kind: "channel",
          topic: "",
          inviteOnly: false,
          previewsOff: false,
          lastSeq: 0,
          createdAt: at,
        });
    });
  });
  afterAll(async () => {
    await database.close();
    await place.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("counts joins and parts in the transaction that made them, channel by channel", async () => {
    const seen = await write(async (tx) => {
      await tx.memberships.insert(member("c-a", "u1"));
      await tx.memberships.insert(member("c-a", "u2"));
      await tx.memberships.insert(member("c-b", "u3"));
      return tx.memberships.count("c-a");
    });
    expect(seen).toBe(2);
    expect(await counts()).toEqual(
      new Map([
        ["c-a", 2],
        ["c-b", 1],
      ]),
    );
    await write((tx) => tx.memberships.remove("c-a", "u1"));
    expect(await write((tx) => tx.memberships.count("c-a"))).toBe(1);
    const listed = await write((tx) => tx.channels.listWithCounts());
    expect(listed.map((c) => [c.channel.id, c.memberCount]).sort()).toEqual([
      ["c-a", 1],
      ["c-b", 1],
    ]);
    // The count is not part of the channel's record: a record read before a join is no stale count.
    expect(Object.keys(listed[0]?.channel ?? {})).not.toContain("memberCount");
  });

  it("leaves the count where it was when the transaction rolls back", async () => {
    const before = await counts();
    await expect(
      write(async (tx) => {
        await tx.memberships.insert(member("c-b", "u1"));
        await tx.memberships.remove("c-b", "u3");
        throw new Error("refused after the writes");
      }),
    ).rejects.toThrow("refused after the writes");
    expect(await counts()).toEqual(before);
  });

  it("answers 0 for a channel nobody is in, and nothing for one that does not exist", async () => {
    await write((tx) => tx.memberships.remove("c-b", "u3"));
    expect(await write((tx) => tx.memberships.count("c-b"))).toBe(0);
    expect(await write((tx) => tx.memberships.count("no-such-channel"))).toBe(0);
    expect((await write((tx) => tx.memberships.countMany(["no-such-channel"]))).size).toBe(0);
  });
});
