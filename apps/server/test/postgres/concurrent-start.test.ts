import { freshPostgresDatabase, type TestDatabase } from "@canaduck/db/testing";
import { afterEach, describe, expect, it } from "vitest";
import { TestServer } from "../harness";

// The migration runner's own tests (four runners on one database, parity with SQLite) are in
// packages/db/test/postgres/migrations.test.ts.
describe("PostgreSQL migrations at server start", () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it("let two servers start together on one new database and both serve it", async () => {
    const database: TestDatabase = freshPostgresDatabase();
    cleanups.push(() => database.drop());
    const env = { DATABASE_URL: await database.url() };
    const servers = [new TestServer(env), new TestServer(env)];
    cleanups.push(async () => void (await Promise.all(servers.map((s) => s.dispose()))));
    await Promise.all(servers.map((s) => s.start()));
    const [first, second] = servers as [TestServer, TestServer];
    const alice = await first.user("alice");
    await alice.do("channel:join", { channel: "#both" });
    const bob = await second.user("bob");
    expect((await bob.do("channel:list", {})).channels.map((c) => c.name)).toContain("#both");
  });
});
