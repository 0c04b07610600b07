import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { testDatabase, type TestDatabase } from "@canaduck/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAdminCli } from "./admin-process";
import { call, TestServer, type HandshakeRefused } from "./harness";

/**
 * The admin command line as an operator runs it: a child process against the database a
 * running server uses (a SQLite file, or PostgreSQL with TEST_DATABASE=postgres), checked
 * through that server's sockets.
 */
describe("canaduck-admin", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "canaduck-admin-"));
  let database: TestDatabase;
  let env: Record<string, string>;
  let server: TestServer;
  const admin = (args: string[], stdin = "") => runAdminCli(args, env, dir, stdin);

  beforeAll(async () => {
    database = testDatabase(dir);
    // No session sweep: these check what the next command of a connection still open meets.
    env = { DATABASE_URL: await database.url(), SESSION_SWEEP_MS: "0" };
    server = await new TestServer(env).start();
  });
  afterAll(async () => {
    await server.dispose();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const login = async (name: string, password: string) =>
    call(await server.connect(), "auth:login", { name, password });

  it("creates accounts the server logs in, by register's rules, hashed with argon2id", async () => {
    // The first account is no admin unless asked for: nobody owns a server by reaching it first.
    expect(await admin(["create-account", "root"], "first password\n")).toEqual({
      code: 0,
      stdout: "created root\n",
      stderr: "",
    });
    expect((await admin(["create-account", "bob"], "bob's password\n")).stdout).toBe("created bob\n");
    expect((await admin(["create-account", "carol", "--admin"], "carol's password\n")).stdout).toBe(
      "created carol (server admin)\n",
    );
    expect((await login("root", "first password")).ok).toBe(true);
    expect((await login("bob", "bob's password")).ok).toBe(true);

    const taken = await admin(["create-account", "BOB"], "another password\n");
    expect(taken.code).toBe(1);
    expect(taken.stderr).toBe("canaduck-admin create-account: The name BOB is taken.\n");
    expect((await admin(["create-account", "no spaces"], "a password\n")).code).toBe(1);
    const noPassword = await admin(["create-account", "dave"]);
    expect(noPassword.code).toBe(1);
    expect(noPassword.stderr).toMatch(/^canaduck-admin create-account: give the password on standard input/);
  });

  it("resets a password, ending the account's sessions", async () => {
    const bob = await login("bob", "bob's password");
    if (!bob.ok) throw new Error("bob cannot log in");
    const reset = await admin(["reset-password", "bob"], "bob's new password\n");
    expect(reset.code).toBe(0);
    expect(reset.stdout).toMatch(/^reset the password of bob; [1-9]\d* session\(s\) ended/);
    expect(await login("bob", "bob's password")).toMatchObject({ ok: false, error: { code: "INVALID_CREDENTIALS" } });
    expect((await login("bob", "bob's new password")).ok).toBe(true);
    const old = await server.connect({ token: bob.data.token }).catch((error: unknown) => error);
    expect((old as HandshakeRefused).data).toMatchObject({ code: "NOT_AUTHENTICATED" });
  });

  it("grants and revokes server admin, which the server honours on the next command", async () => {
    const bob = await server.connect();
    expect((await call(bob, "auth:login", { name: "bob", password: "bob's new password" })).ok).toBe(true);
    expect(await call(bob, "audit:log", {})).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await admin(["grant-admin", "bob"])).toMatchObject({ code: 0, stdout: "bob is now a server admin\n" });
    const log = await call(bob, "audit:log", { limit: 1 });
    expect(log).toMatchObject({
      ok: true,
      data: { entries: [{ action: "grant-admin", actor: "(admin command line)", target: "bob" }] },
    });
    expect(await admin(["revoke-admin", "bob"])).toMatchObject({
      code: 0,
      stdout: "bob is no longer a server admin\n",
    });
    expect(await call(bob, "audit:log", {})).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await admin(["grant-admin", "nobody"])).toEqual({
      code: 1,
      stdout: "",
      stderr: "canaduck-admin grant-admin: There is no user called nobody.\n",
    });
  });

  it("suspends and unsuspends like /suspend: the live client is refused from its next command, login and token refused", async () => {
    const bob = await server.connect();
    const grant = await call(bob, "auth:login", { name: "bob", password: "bob's new password" });
    if (!grant.ok) throw new Error("bob cannot log in");
    const suspended = await admin(["suspend", "bob", "posting", "spam"]);
    expect(suspended.code).toBe(0);
    expect(suspended.stdout).toMatch(/^suspended bob; [1-9]\d* session\(s\) ended/);
    expect(await call(bob, "session:state", {})).toMatchObject({ ok: false, error: { code: "NOT_AUTHENTICATED" } });
    expect(await login("bob", "bob's new password")).toMatchObject({ ok: false, error: { code: "SUSPENDED" } });
    const again = await server.connect({ token: grant.data.token }).catch((error: unknown) => error);
    expect((again as HandshakeRefused).data).toMatchObject({ code: "SUSPENDED" });

    const list = await admin(["list-accounts"]);
    expect(list.code).toBe(0);
    const rows = list.stdout.trim().split("\n");
    expect(rows.map((row) => row.split("\t")[0])).toEqual(["root", "bob", "carol", "3 account(s)"]);
    expect(rows[1]).toMatch(/^bob\tuser\t\S+\tsuspended \S+: posting spam$/);
    expect(rows[0]).toMatch(/^root\tuser\t\S+\tactive$/);
    expect(rows[2]).toMatch(/^carol\tadmin\t\S+\tactive$/);

    expect(await admin(["unsuspend", "bob"])).toMatchObject({ code: 0, stdout: "bob can log in again\n" });
    expect((await login("bob", "bob's new password")).ok).toBe(true);
  });

  it("waits for a server that is busy writing rather than failing", async () => {
    const carol = await server.connect();
    expect((await call(carol, "auth:login", { name: "carol", password: "carol's password" })).ok).toBe(true);
    expect((await call(carol, "channel:join", { channel: "#busy" })).ok).toBe(true);
    // The server writes all the while (on SQLite it holds the file's write lock for each batch).
    let sending = true;
    const sends = (async () => {
      for (let i = 0; sending; i += 1) {
        const ack = await call(carol, "message:send", { target: "#busy", text: `line ${i}` });
        // As a client does: a refusal is waited out (a connection that ignores a thousand is closed).
        if (!ack.ok && ack.error.code === "RATE_LIMITED") await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    try {
      for (const args of [
        ["grant-admin", "bob"],
        ["revoke-admin", "bob"],
        ["suspend", "bob"],
        ["unsuspend", "bob"],
      ]) {
        const run = await admin(args);
        expect({ args, code: run.code, stderr: run.stderr }).toEqual({ args, code: 0, stderr: "" });
      }
    } finally {
      sending = false;
      await sends;
    }
  });

  it("answers a mistake with one line and exit code 1", async () => {
    expect(await admin(["frobnicate"])).toMatchObject({ code: 1, stdout: "" });
    expect((await admin(["suspend"])).stderr).toBe(
      "canaduck-admin suspend: usage: canaduck-admin suspend <name> [reason]\n",
    );
    expect((await admin(["list-accounts", "--all"])).stderr).toMatch(
      /^canaduck-admin list-accounts: unknown option --all;/,
    );
    const badConfig = await runAdminCli(["list-accounts"], { ...env, PORT: "not a port" }, dir);
    expect(badConfig.code).toBe(1);
    expect(badConfig.stderr.trim().split("\n")).toHaveLength(1);
    expect(badConfig.stderr).toMatch(/PORT: /);
  });
});
