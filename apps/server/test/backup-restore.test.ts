import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { limits } from "@canaduck/contract";
import { freshPostgresDatabase, onPostgres, type TestDatabase } from "@canaduck/db/testing";
import { afterAll, describe, expect, it } from "vitest";
import { runAdminCli } from "./admin-process";
import { call, TestServer, type ClientSocket } from "./harness";

const PASSWORD = "correct horse battery";

async function ok<T>(
  ack: Promise<{ ok: true; data: T } | { ok: false; error: { code: string; message: string } }>,
): Promise<T> {
  const answer = await ack;
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
  return answer.data;
}

/** Every message of #load, read back a page at a time over a socket, as a client would. */
async function historyIds(socket: ClientSocket): Promise<Set<string>> {
  const ids = new Set<string>();
  let before: number | undefined;
  for (;;) {
    const page = await ok(
      call(socket, "history:read", {
        target: "#load",
        limit: limits.historyPageMax,
        ...(before === undefined ? {} : { before }),
      }),
    );
    for (const message of page.messages) ids.add(message.id);
    const [oldest] = page.messages;
    if (!page.hasMore || oldest === undefined) return ids;
    before = oldest.seq;
  }
}

describe(`backup and restore (${onPostgres() ? "PostgreSQL" : "SQLite"})`, () => {
  const dir = mkdtempSync(path.join(tmpdir(), "canaduck-backup-"));
  const databases: TestDatabase[] = [];
  const servers: TestServer[] = [];
  afterAll(async () => {
    for (const server of servers) await server.dispose();
    for (const database of databases) await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });
  /** A database of its own: a new SQLite file, or a new PostgreSQL database with TEST_DATABASE=postgres. */
  const freshDatabase = async (name: string) => {
    if (!onPostgres()) return `file:${path.join(dir, `${name}.db`)}`;
    const database = freshPostgresDatabase();
    databases.push(database);
    return database.url();
  };

  it(
    "backs up under load: every message acked before the backup began is in the restored copy, which serves",
    { timeout: 120_000 },
    async () => {
      const liveUrl = await freshDatabase("live");
      // The server in this process, the backup in its own (the command line), as an operator runs it.
      const live = await new TestServer({ DATABASE_URL: liveUrl, RATE_LIMITS: "off" }).start();
      servers.push(live);

      // Publishers send continuously, each its next message as soon as the last is acked.
      const publishers = await Promise.all(
        ["ann", "ben", "cat"].map(async (name) => {
          const socket = await live.connect();
          await ok(call(socket, "auth:register", { name, password: PASSWORD }));
          await ok(call(socket, "channel:join", { channel: "#load" }));
          return socket;
        }),
      );
      const acked: Array<{ id: string; at: number }> = [];
      let sending = true;
      const runs = publishers.map(async (socket, p) => {
        for (let n = 0; sending; n++) {
          const { message } = await ok(
            call(socket, "message:send", { target: "#load", text: `p${p} m${n}`, clientId: `p${p}-${n}` }),
          );
          acked.push({ id: message.id, at: Date.now() });
        }
      });
      await new Promise((resolve) => setTimeout(resolve, 1_500));

      const backupFile = path.join(dir, onPostgres() ? "canaduck.dump" : "canaduck-backup.db");
      const began = Date.now();
      const ackedBefore = acked.filter((a) => a.at < began).map((a) => a.id);
      const backup = await runAdminCli(["backup", backupFile], { DATABASE_URL: liveUrl }, dir);
      expect(backup, backup.stderr).toMatchObject({ code: 0 });
      const ackedDuring = acked.filter((a) => a.at >= began).length;
      sending = false;
      await Promise.all(runs);
      for (const socket of publishers) socket.disconnect();
      await live.stop();
      expect(ackedBefore.length).toBeGreaterThan(50);
      expect(ackedDuring).toBeGreaterThan(0); // the server went on answering while the backup ran

      const copyUrl = await freshDatabase("copy");
      const restore = await runAdminCli(["restore", backupFile], { DATABASE_URL: copyUrl }, dir);
      expect(restore, restore.stderr).toMatchObject({ code: 0 });
      // A second restore onto the copy, now holding data, wants --force.
      const again = await runAdminCli(["restore", backupFile], { DATABASE_URL: copyUrl }, dir);
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(/already holds accounts or messages; .* --force/);

      const copy = await new TestServer({ DATABASE_URL: copyUrl, RATE_LIMITS: "off" }).start();
      servers.push(copy);
      const ann = await copy.connect();
      await ok(call(ann, "auth:login", { name: "ann", password: PASSWORD }));
      const restored = await historyIds(ann);
      const missing = ackedBefore.filter((id) => !restored.has(id));
      expect(missing).toEqual([]);
      const { message } = await ok(call(ann, "message:send", { target: "#load", text: "the copy serves" }));
      expect((await ok(call(ann, "history:read", { target: "#load", limit: 1 }))).messages.map((m) => m.id)).toEqual([
        message.id,
      ]);
      ann.disconnect();
    },
  );
});
