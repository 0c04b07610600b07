import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import type { Store } from "@canaduck/domain";
import { testDatabase, type TestDatabase } from "@canaduck/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../src/logger";
import { runAdminCli } from "./admin-process";
import { next, record, TestServer, type ChatClient } from "./harness";

const SWEEP_MS = 200;

/** Resolves once `condition` holds, polling; fails the test after `timeoutMs`. */
async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** `from` says a numbered line in `target` every 50 ms until stopped, as a busy channel does. */
function chatter(from: ChatClient, target: string): { stop(): Promise<void> } {
  let stopped = false;
  const talking = (async () => {
    for (let n = 1; !stopped; n++) {
      await from.do("message:send", { target, text: `line ${n}` });
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      await talking;
    },
  };
}

/**
 * The admin command line, a separate process, ends sessions in the database only; the server's
 * sweep is what closes their connections. Checked against the real CLI and real sockets.
 */
describe("the session sweep", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "canaduck-sweep-"));
  let database: TestDatabase;
  let env: Record<string, string>;
  let server: TestServer;
  let root: ChatClient;
  let logText = "";
  /** Sweeps begun: each reads sessions by id outside a transaction, and nothing else here does. */
  let sweeps = 0;
  let failNextSweep = false;
  let faultsTripped = 0;

  const admin = (args: string[], stdin = "") => runAdminCli(args, env, dir, stdin);
  const sweepsPass = async (count: number) => {
    const target = sweeps + count;
    await until(() => sweeps >= target, `${count} sweeps`);
  };
  /** A logged-in user in #dev, with what reaches its socket from now on. */
  const member = async (name: string) => {
    const user = await server.user(name);
    await user.do("channel:join", { channel: "#dev" });
    return {
      user,
      lines: record(user.socket, "message:new"),
      ended: record(user.socket, "session:ended"),
      disconnected: new Promise<void>((resolve) => user.socket.once("disconnect", () => resolve())),
    };
  };

  beforeAll(async () => {
    database = testDatabase(dir);
    env = { DATABASE_URL: await database.url() };
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logText += chunk.toString();
        done();
      },
    });
    const store = (inner: Store): Store => ({
      transaction: (work) => inner.transaction(work),
      readSnapshot: (work) => inner.readSnapshot(work),
      bulkTransaction: (work) => inner.bulkTransaction(work),
      read: (work) =>
        inner.read((repos) =>
          work({
            ...repos,
            sessions: {
              ...repos.sessions,
              findByIds: async (ids) => {
                sweeps += 1;
                if (failNextSweep) {
                  failNextSweep = false;
                  faultsTripped += 1;
                  throw new TypeError("injected fault");
                }
                return repos.sessions.findByIds(ids);
              },
            },
          }),
        ),
    });
    server = await new TestServer(
      { ...env, SESSION_SWEEP_MS: String(SWEEP_MS) },
      { store },
      createLogger("info", sink),
    ).start();
    root = await server.user("root");
    await root.do("channel:join", { channel: "#dev" });
  });
  afterAll(async () => {
    await server.dispose();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("closes the connections of an account the admin command line suspended, within a couple of sweeps", async () => {
    const mallory = await member("mallory");
    let talk = chatter(root, "#dev");
    await until(() => mallory.lines.length > 0, "mallory to hear the channel");
    // Quiet while the command line writes: SQLite writers in two processes can time each other out.
    await talk.stop();
    const ended = next(mallory.user.socket, "session:ended", () => true, 30_000);
    expect(await admin(["suspend", "mallory", "spam"])).toMatchObject({ code: 0, stderr: "" });
    const suspendedAt = Date.now();
    talk = chatter(root, "#dev");
    try {
      expect(await ended).toEqual({ reason: "revoked", code: "SUSPENDED" });
      // Waits, when it is late, no more than ten sweeps: a loaded machine is not a failure.
      expect(Date.now() - suspendedAt).toBeLessThan(10 * SWEEP_MS);
      await mallory.disconnected;
      const heard = mallory.lines.length;
      await sweepsPass(3);
      expect(mallory.lines).toHaveLength(heard);
      expect(mallory.user.socket.connected).toBe(false);
    } finally {
      await talk.stop();
    }
  });

  it("closes the connections of an account whose password the admin command line reset", async () => {
    const erin = await member("erin");
    const ended = next(erin.user.socket, "session:ended", () => true, 30_000);
    const reset = await admin(["reset-password", "erin"], "erin's new password\n");
    expect(reset.code).toBe(0);
    // The command line reads the configuration the server would: the default sweep, here.
    expect(reset.stdout).toBe(
      "reset the password of erin; 1 session(s) ended (a running server closes its connections within 5000 ms; it cannot reconnect)\n",
    );
    expect(await ended).toEqual({ reason: "revoked", code: "NOT_AUTHENTICATED" });
    await erin.disconnected;
  });

  it("leaves a live session connected sweep after sweep, hearing its channel", async () => {
    const carol = await member("carol");
    await sweepsPass(5);
    expect(carol.user.socket.connected).toBe(true);
    expect(carol.ended).toEqual([]);
    const heard = carol.user.next("message:new", (m) => m.text === "still there, carol?");
    await root.do("message:send", { target: "#dev", text: "still there, carol?" });
    await heard;
  });

  it("logs a sweep whose read failed, and the next sweep still works", async () => {
    const dave = await member("dave");
    failNextSweep = true;
    await until(() => faultsTripped === 1, "the faulty sweep");
    await until(() => logText.includes("the session sweep failed"), "the warning");
    const warning = logText.split("\n").find((line) => line.includes("the session sweep failed")) ?? "";
    expect(JSON.parse(warning)).toMatchObject({ level: 40, err: { type: "TypeError" } });
    expect(dave.user.socket.connected).toBe(true);

    const ended = next(dave.user.socket, "session:ended", () => true, 30_000);
    expect((await admin(["suspend", "dave"])).code).toBe(0);
    expect(await ended).toEqual({ reason: "revoked", code: "SUSPENDED" });
    await dave.disconnected;
    expect(root.socket.connected).toBe(true);
  });
});

describe("the session sweep and expiry", () => {
  let server: TestServer | undefined;
  afterAll(() => server?.dispose());

  it("closes a connection once its session expires, saying so", async () => {
    server = await new TestServer({
      SESSION_TTL_HOURS: String(1.5 / 3600), // 1.5 s
      SESSION_SWEEP_MS: String(SWEEP_MS),
    }).start();
    const alice = await server.user("alice");
    const disconnected = new Promise<void>((resolve) => alice.socket.once("disconnect", () => resolve()));
    expect(await next(alice.socket, "session:ended", () => true, 10_000)).toEqual({
      reason: "revoked",
      code: "SESSION_EXPIRED",
    });
    await disconnected;
  });
});
