import { clientEventNames, type ClientEventName } from "@canaduck/contract";
import { execute, rateOf, type Actor } from "@canaduck/domain";
import { createTestDomain, devChannel, passwordOf } from "@canaduck/domain/testing";
import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger";
import { AbuseGuard } from "../../src/security/abuse-guard";
import { memoryRateLimiters, type RateLimiterFactory } from "../../src/security/rate-limiter";
import type { RateLimitConfig } from "../../src/security/rate-limits";

const rule = (points: number) => ({ points, durationSeconds: 60 });
const limits: RateLimitConfig = {
  sendPerUser: rule(100),
  sendPerAddress: rule(100),
  joinPerUser: rule(100),
  joinPerAddress: rule(100),
  markPerUser: rule(100),
  markPerAddress: rule(100),
  searchPerUser: rule(100),
  searchPerAddress: rule(100),
  loginPerAccount: rule(100),
  loginPerAddress: rule(100),
  registerPerAddress: rule(100),
  connectPerAddress: rule(100),
  readPerUser: rule(100),
  readPerAddress: rule(100),
  readKibPerUser: rule(100),
  readKibPerAddress: rule(100),
  typingPerUser: rule(100),
  typingPerAddress: rule(100),
  commandPerUser: rule(100),
  commandPerAddress: rule(100),
};

/** Real in-memory limiters that also note, in order, which of them spent what under which key. */
function noting(spent: string[]): RateLimiterFactory {
  return (name, limit) => {
    const limiter = memoryRateLimiters(name, limit);
    return {
      consume: (key) => {
        spent.push(`${name.replace("canaduck:", "")} ${key}`);
        return limiter.consume(key);
      },
      refund: (key) => limiter.refund(key),
      spendAfter: (key, points) => limiter.spendAfter(key, points),
      peek: (key) => limiter.peek(key),
    };
  };
}

/** What each event costs today; a change here is a change users and operators notice. */
const expectedSpends: Partial<Record<ClientEventName, string[]>> = {
  "message:send": ["sendPerUser u1", "sendPerAddress 10.0.0.1"],
  // Every change to a line, and the commands that write lines in each channel.
  "message:edit": ["sendPerUser u1", "sendPerAddress 10.0.0.1"],
  "message:delete": ["sendPerUser u1", "sendPerAddress 10.0.0.1"],
  "message:react": ["sendPerUser u1", "sendPerAddress 10.0.0.1"],
  "message:unreact": ["sendPerUser u1", "sendPerAddress 10.0.0.1"],
  // Its own budget: reading a busy channel never uses up what the user may say.
  "read:mark": ["markPerUser u1", "markPerAddress 10.0.0.1"],
  "search:query": ["searchPerUser u1", "searchPerAddress 10.0.0.1"],
  "session:quit": ["sendPerUser u1", "sendPerAddress 10.0.0.1"],
  "user:nick": ["sendPerUser u1", "sendPerAddress 10.0.0.1"],
  "channel:join": ["joinPerUser u1", "joinPerAddress 10.0.0.1"],
  // A reconnect reads every conversation, as a join does.
  "session:sync": ["joinPerUser u1", "joinPerAddress 10.0.0.1"],
  "auth:login": ["loginPerAddress 10.0.0.1", "loginPerAccount alice"],
  "auth:register": ["registerPerAddress 10.0.0.1"],
  // A bot is an account: making one costs what registering does.
  "bot:create": ["registerPerAddress 10.0.0.1"],
  "webhook:create-incoming": ["registerPerAddress 10.0.0.1"],
  // Reads have a budget of their own (and one in KiB, spent after the answer, execute() below).
  ...Object.fromEntries(
    (
      [
        "session:state",
        "session:list",
        "channel:list",
        "channel:who",
        "channel:bans",
        "history:read",
        "audit:log",
        "server:help",
        "user:whois",
        "token:list",
        "bot:list",
        "webhook:list",
        "webhook:deliveries",
      ] as const
    ).map((event) => [event, ["readPerUser u1", "readPerAddress 10.0.0.1"]]),
  ),
  "typing:set": ["typingPerUser u1", "typingPerAddress 10.0.0.1"],
  // Every other command a user gives.
  ...Object.fromEntries(
    (
      [
        "auth:logout",
        "session:revoke",
        "token:create",
        "token:revoke",
        "webhook:create",
        "webhook:delete",
        "user:suspend",
        "user:unsuspend",
        "channel:part",
        "channel:topic",
        "channel:mode",
        "channel:invite",
        "channel:kick",
        "channel:ban",
        "channel:unban",
        "channel:op",
        "channel:deop",
        "server:alert",
        "user:away",
        "user:ignore",
        "user:unignore",
        "settings:update",
        "direct:close",
        "direct:open",
      ] as const
    ).map((event) => [event, ["commandPerUser u1", "commandPerAddress 10.0.0.1"]]),
  ),
};

describe("the abuse guard charges what the command table declares", () => {
  it("spends, for every client event, exactly the limiters its table entry names, in order", async () => {
    const logger = createLogger("silent");
    for (const event of clientEventNames) {
      const spent: string[] = [];
      const guard = new AbuseGuard(limits, noting(spent), logger);
      const anonymous = event === "auth:login" || event === "auth:register";
      const actor: Actor = anonymous ? { kind: "anonymous" } : { kind: "user", userId: "u1", sessionId: "s1" };
      expect(await guard.charge(actor, "10.0.0.1", event, { name: "ALICE" }), event).toBeNull();
      expect(spent, event).toEqual(expectedSpends[event] ?? []);
    }
  });

  it("charges nothing for an actor the command turns away unread (a send before logging in)", async () => {
    const spent: string[] = [];
    const guard = new AbuseGuard(limits, noting(spent), createLogger("silent"));
    expect(await guard.charge({ kind: "anonymous" }, "10.0.0.1", "message:send", {})).toBeNull();
    expect(
      await guard.charge({ kind: "user", userId: "u1", sessionId: "s1" }, "10.0.0.1", "auth:login", { name: "a" }),
    ).toBeNull();
    expect(spent).toEqual([]);
  });

  it("throttles a command newly declared with a budget, without a line of the guard changing", async () => {
    const t = createTestDomain();
    const { bob } = await devChannel(t);
    // As if channel:part's table entry said `rate: { spends: ["join"], counts: "calls" }`.
    const declared = (event: string, actor: Actor) =>
      event === "channel:part" && actor.kind === "user"
        ? ({ spends: ["join"], counts: "calls" } as const)
        : rateOf(event, actor);
    const guard = new AbuseGuard(
      { ...limits, joinPerUser: rule(3) },
      memoryRateLimiters,
      createLogger("silent"),
      declared,
    );
    const run = (event: "channel:join" | "channel:part") =>
      guard.execute(t.deps, bob, "10.0.0.1", event, { channel: "#dev" });
    expect((await run("channel:part")).ack.ok).toBe(true);
    expect((await run("channel:join")).ack.ok).toBe(true);
    expect((await run("channel:part")).ack.ok).toBe(true);
    const refused = (await run("channel:join")).ack;
    expect(refused.ok ? null : refused.error.code).toBe("RATE_LIMITED");
    expect(refused.ok ? null : refused.error.message).toMatch(/^Too many joins; try again in \d+ s\.$/);
  });

  it("refuses reads once the KiB their answers carried is spent, with a retry delay", async () => {
    const t = createTestDomain();
    const { bob } = await devChannel(t);
    for (let i = 0; i < 20; i++)
      expect((await execute(t.deps, bob, "message:send", { target: "#dev", text: "x".repeat(4000) })).ack.ok).toBe(
        true,
      );
    // About 80 KiB a page: the first two go out (the second finds 80 of 100 KiB spent), the third is refused.
    const guard = new AbuseGuard({ ...limits, readKibPerUser: rule(100) }, memoryRateLimiters, createLogger("silent"));
    const read = () => guard.execute(t.deps, bob, "10.0.0.1", "history:read", { target: "#dev", limit: 20 });
    expect((await read()).ack.ok).toBe(true);
    expect((await read()).ack.ok).toBe(true);
    const refused = (await read()).ack;
    expect(refused.ok ? null : refused.error.code).toBe("RATE_LIMITED");
    expect(refused.ok ? 0 : (refused.error.retryAfterMs ?? 0)).toBeGreaterThan(0);
    expect(refused.ok ? null : refused.error.message).toMatch(/^Too many bytes read; try again in \d+ s\.$/);
  });

  it('gives a login\'s spend back when it succeeds, as counts: "failures" declares', async () => {
    const t = createTestDomain();
    await t.registerUser("alice");
    const guard = new AbuseGuard({ ...limits, loginPerAccount: rule(2) }, memoryRateLimiters, createLogger("silent"));
    const login = (password: string) =>
      guard.execute(t.deps, { kind: "anonymous" }, "10.0.0.1", "auth:login", { name: "alice", password });
    for (let i = 0; i < 5; i++) expect((await login(passwordOf("alice"))).ack.ok).toBe(true);
    expect((await login("wrong")).ack).toMatchObject({ ok: false, error: { code: "INVALID_CREDENTIALS" } });
    expect((await login("wrong")).ack).toMatchObject({ ok: false, error: { code: "INVALID_CREDENTIALS" } });
    expect((await login(passwordOf("alice"))).ack).toMatchObject({ ok: false, error: { code: "RATE_LIMITED" } });
  });
});
