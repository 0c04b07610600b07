import { afterEach, describe, expect, it } from "vitest";
import { call, logLines, TestServer } from "./harness";

/**
 * Admin rights belong to accounts: a persisted flag only the operator's command line sets.
 * Neither registering first nor registering a name (ADMIN_NAMES, or an admin's old name) makes one.
 */
describe("server admin rights", () => {
  let server: TestServer | undefined;
  afterEach(() => server?.dispose());

  it("a fresh server has no admin, says how to make one, and its first account is not one", async () => {
    const log = logLines();
    server = await new TestServer({}, {}, log.logger).start();
    expect(log.lines.map((l) => l.msg)).toContainEqual(
      expect.stringMatching(/^This server has no admin yet\. .*grant-admin <name>/),
    );
    const first = await server.user("first");
    expect((await first.do("session:state", {})).user.isAdmin).toBe(false);
    expect(await first.send("audit:log", {})).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });

    await server.grantAdmin("first");
    expect((await first.do("session:state", {})).user.isAdmin).toBe(true);
    expect((await first.send("audit:log", {})).ok).toBe(true);
    // Once there is one, a restart no longer warns.
    log.lines.length = 0;
    await server.restart();
    expect(log.lines.map((l) => l.msg)).toContain("CanaDuck is listening");
    expect(log.lines.filter((l) => l.msg.includes("no admin"))).toEqual([]);
  });

  it("with ADMIN_NAMES=boss, registering Boss before or after boss renames never yields an admin", async () => {
    const log = logLines();
    server = await new TestServer({ ADMIN_NAMES: "boss" }, {}, log.logger).start();
    expect(log.lines.find((l) => l.msg.startsWith("ADMIN_NAMES is ignored"))).toMatchObject({ level: 40 });

    // Before the real boss registers: a stranger takes the name, and gets no rights with it.
    const early = await server.user("Boss", "stranger's password");
    expect((await early.do("session:state", {})).user.isAdmin).toBe(false);
    expect(await early.send("audit:log", {})).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    await early.do("user:nick", { nick: "boss_" });

    // The operator makes the real boss an admin; boss renames; the freed name gives nothing.
    const boss = await server.admin("boss");
    await boss.do("user:nick", { nick: "bigboss" });
    expect((await boss.send("audit:log", {})).ok).toBe(true);
    const claimant = await server.user("BOSS", "claimant's password");
    expect((await claimant.do("session:state", {})).user.isAdmin).toBe(false);
    expect(await claimant.send("server:alert", { text: "I own this now" })).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });

    // A restart with the same setting still reads the flags, not the names.
    await server.restart();
    const relogged = await server.connect();
    const grant = await call(relogged, "auth:login", { name: "BOSS", password: "claimant's password" });
    expect(grant).toMatchObject({ ok: true, data: { user: { name: "BOSS", isAdmin: false } } });
    const renamed = await server.connect();
    expect(await call(renamed, "auth:login", { name: "bigboss", password: "correct horse battery" })).toMatchObject({
      ok: true,
      data: { user: { isAdmin: true } },
    });
  });
});
