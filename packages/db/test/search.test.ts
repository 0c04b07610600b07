import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseSearchQuery } from "@canaduck/contract";
import type { MessageRecord, Repositories, SearchFind } from "@canaduck/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupDatabase } from "../src/backup";
import type { Database } from "../src/database";
import { migrationsDirFor } from "../src/migrations-dir";
import { openDatabase } from "../src/open-database";
import { onPostgres, rawQuery, testDatabase, type TestDatabase } from "../src/testing";

/**
 * The search index of each database (this file runs in both suites) against the rows as the
 * domain writes them: batch inserts, single inserts, edits and deletions through the same
 * repositories, then `messages.search` as search:query calls it.
 */
describe("the search index", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "canaduck-search-"));
  let place: TestDatabase;
  let url: string;
  let database: Database;
  const write = <T>(work: (tx: Repositories) => Promise<T>) => database.store.transaction(work);
  let seq = 0;
  const line = (channelId: string, text: string, minute: number, kind: "text" | "action" | "topic" = "text") => {
    seq += 1;
    return {
      id: `m-${seq}`,
      channelId,
      seq,
      authorId: seq % 2 === 0 ? "u-2" : "u-1",
      authorName: "someone",
      authorIsBot: false,
      kind,
      text,
      meta: {},
      clientId: null,
      createdAt: new Date(Date.UTC(2026, 10, 30, 12, minute)),
      version: seq,
      editedAt: null,
      deletedAt: null,
      targetSeq: null,
      replyToSeq: null,
    } satisfies MessageRecord;
  };
  const find = (text: string, channelIds = ["c-1", "c-2"], before?: string, limit = 10): SearchFind => {
    const reading = parseSearchQuery(text);
    if (!reading.ok) throw new Error(reading.message);
    const { words, phrases, hasLink, since, until } = reading.query;
    return {
      channelIds,
      words,
      phrases,
      hasLink,
      limit,
      ...(since ? { since } : {}),
      ...(until ? { until } : {}),
      ...(before === undefined ? {} : { before }),
    };
  };
  const search = async (f: SearchFind, on = database) => {
    const { records, next } = await on.store.read((tx) => tx.messages.search(f));
    return { texts: records.map((r) => r.text), next };
  };

  beforeAll(async () => {
    place = testDatabase(dir);
    url = await place.url();
    database = await openDatabase(url, migrationsDirFor(url), { warn: () => undefined });
    await write(async (tx) => {
      for (const id of ["c-1", "c-2", "c-3"])
        await tx.channels.insert({
          id,
          name: `#${id}`,
          nameKey: `#${id}`,
          kind: "channel",
          topic: "",
          inviteOnly: false,
          previewsOff: false,
          lastSeq: 0,
          createdAt: new Date(),
        });
      await tx.messages.insertMany([
        line("c-1", "Deploy on Friday", 1),
        line("c-1", "deployment went fine, see https://example.com/log", 2),
        line("c-2", "release notes for Friday", 3),
        line("c-3", "a Friday deploy nobody here may read", 4),
        line("c-1", "the topic mentions friday", 5, "topic"),
      ]);
      await tx.messages.insert(line("c-2", "waves at Friday", 6, "action"));
      await tx.messages.insert(line("c-1", "to be edited: draft", 7));
      await tx.messages.insert(line("c-1", "to be deleted: friday secret", 8));
    });
    await write(async (tx) => {
      await tx.messages.updateLine("c-1", 7, { text: "edited: final wording", editedAt: new Date(), version: 9 });
      await tx.messages.updateLine("c-1", 8, { text: "", deletedAt: new Date(), version: 10 });
    });
  });
  afterAll(async () => {
    await database.close();
    await place.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("finds the said lines of the channels asked, newest first, in pages", async () => {
    expect((await search(find("friday"))).texts).toEqual([
      "waves at Friday",
      "release notes for Friday",
      "Deploy on Friday",
    ]);
    const first = await search(find("friday", ["c-1", "c-2"], undefined, 2));
    expect(first.texts).toEqual(["waves at Friday", "release notes for Friday"]);
    const second = await search(find("friday", ["c-1", "c-2"], first.next ?? "", 2));
    expect(second).toEqual({ texts: ["Deploy on Friday"], next: null });
  });

  it("matches prefixes, phrases, every word, links and dates", async () => {
    expect((await search(find("deplo"))).texts).toEqual([
      "deployment went fine, see https://example.com/log",
      "Deploy on Friday",
    ]);
    expect((await search(find('"notes for" friday'))).texts).toEqual(["release notes for Friday"]);
    expect((await search(find('"for notes"'))).texts).toEqual([]);
    expect((await search(find("example has:link"))).texts).toEqual([
      "deployment went fine, see https://example.com/log",
    ]);
    expect((await search(find("friday after:2026-11-30"))).texts).toEqual([]);
    expect((await search(find("friday on:2026-11-30"))).texts).toHaveLength(3);
  });

  it("keeps the index in step with edits and deletions", async () => {
    expect((await search(find("draft"))).texts).toEqual([]);
    expect((await search(find("wording"))).texts).toEqual(["edited: final wording"]);
    expect((await search(find("secret"))).texts).toEqual([]);
  });

  it("reads whatever a word holds as a word, never as syntax", async () => {
    const hostile = find("x");
    for (const text of ['a"b', "a'b", "NEAR(a", "a\\", "*", "AND", "OR NOT"])
      await expect(search({ ...hostile, words: [{ text, prefix: true }] }), text).resolves.toBeDefined();
    await expect(search({ ...find("friday"), before: "1 OR 1=1" })).rejects.toMatchObject({ code: "INVALID_PAYLOAD" });
  });

  // A SQLite backup only (PostgreSQL's index is a column of the rows pg_dump copies).
  const sqliteOnly = onPostgres() ? () => undefined : it;
  sqliteOnly("rebuilds the index of a backup, whose rows may be renumbered", async () => {
    await rawQuery(url, `DELETE FROM "Message" WHERE id = 'm-1'`);
    const copy = path.join(dir, "copy.db");
    await backupDatabase(url, copy);
    const restored = await openDatabase(`file:${copy}`, migrationsDirFor(`file:${copy}`), { warn: () => undefined });
    try {
      expect((await search(find("friday"), restored)).texts).toEqual(["waves at Friday", "release notes for Friday"]);
      expect((await search(find("wording"), restored)).texts).toEqual(["edited: final wording"]);
    } finally {
      await restored.close();
    }
  });
});
