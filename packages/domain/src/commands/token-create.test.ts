import { describe, expect, it } from "vitest";
import { authenticate } from "../authenticate";
import { codeOf, createTestDomain } from "../testing";

describe("token:create, token:list, token:revoke, bot:create", () => {
  it("gives the secret once; the token acts with its scopes only and cannot manage credentials", async () => {
    const t = createTestDomain();
    const alice = await t.registerUser("alice");
    const made = await t.runOk(alice, "token:create", { name: "ci", scopes: ["read"] });
    expect(made.info).toMatchObject({ name: "ci", scopes: ["read"], user: { name: "alice" } });
    const pat = await authenticate(t.deps, made.token);
    expect(pat.scopes).toEqual(["read"]);
    expect(codeOf(await t.run(pat, "channel:list", {}))).toBe("ok");
    expect(codeOf(await t.run(pat, "channel:join", { channel: "#dev" }))).toBe("INSUFFICIENT_SCOPE");
    expect(codeOf(await t.run(pat, "token:create", { name: "wider", scopes: ["write"] }))).toBe("INSUFFICIENT_SCOPE");
    const listed = await t.runOk(alice, "token:list", {});
    expect(listed.tokens.map((tok) => tok.id)).toEqual([made.info.id]);
    expect(JSON.stringify(listed)).not.toContain(made.token);
    // A login's session list shows logins only.
    const sessions = await t.runOk(alice, "session:list", {});
    expect(sessions.sessions.map((s) => s.id)).not.toContain(made.info.id);
  });

  it("revokes: the token's connections are ended and it stops authenticating", async () => {
    const t = createTestDomain();
    const alice = await t.registerUser("alice");
    const made = await t.runOk(alice, "token:create", { name: "ci", scopes: ["read", "write"] });
    const outcome = await t.run(alice, "token:revoke", { tokenId: made.info.id });
    expect(outcome.effects).toEqual([{ type: "end-session", sessionId: made.info.id, reason: "revoked" }]);
    await expect(authenticate(t.deps, made.token)).rejects.toMatchObject({ code: "NOT_AUTHENTICATED" });
    expect((await t.runOk(alice, "token:list", {})).tokens).toEqual([]);
  });

  it("revokes by the token's name, as /token revoke is typed, and refuses a name two tokens share", async () => {
    const t = createTestDomain();
    const alice = await t.registerUser("alice");
    const { bot } = await t.runOk(alice, "bot:create", { name: "dicebot" });
    const ci = await t.runOk(alice, "token:create", { name: "ci", scopes: ["read"] });
    await t.runOk(alice, "token:create", { name: "run", scopes: ["read"] });
    await t.runOk(alice, "token:create", { name: "run", scopes: ["write"], bot: bot.name });
    expect(codeOf(await t.run(alice, "token:revoke", { tokenId: "run" }))).toBe("NO_SUCH_TOKEN");
    await t.runOk(alice, "token:revoke", { tokenId: "ci" });
    await expect(authenticate(t.deps, ci.token)).rejects.toMatchObject({ code: "NOT_AUTHENTICATED" });
    expect((await t.runOk(alice, "token:list", {})).tokens.map((x) => x.name)).toEqual(["run"]);
  });

  it("answers another user's token like one that does not exist", async () => {
    const t = createTestDomain();
    const alice = await t.registerUser("alice");
    const bob = await t.registerUser("bob");
    const made = await t.runOk(alice, "token:create", { name: "ci", scopes: ["read"] });
    const foreign = await t.run(bob, "token:revoke", { tokenId: made.info.id });
    expect(codeOf(foreign)).toBe("NO_SUCH_TOKEN");
    await expect(authenticate(t.deps, made.token)).resolves.toMatchObject({ userId: alice.userId });
  });

  it("refuses the admin scope to an account that is not an admin", async () => {
    const t = createTestDomain();
    const alice = await t.registerUser("alice");
    expect(codeOf(await t.run(alice, "token:create", { name: "x", scopes: ["admin"] }))).toBe("FORBIDDEN");
  });

  it("makes a bot its owner gives tokens to; the bot cannot log in and is shown as a bot", async () => {
    const t = createTestDomain();
    const alice = await t.registerUser("alice");
    const bob = await t.registerUser("bob");
    const { bot } = await t.runOk(alice, "bot:create", { name: "dicebot" });
    expect(bot).toMatchObject({ name: "dicebot", isBot: true });
    expect((await t.runOk(alice, "bot:list", {})).bots.map((b) => b.name)).toEqual(["dicebot"]);
    expect(codeOf(await t.run(bob, "token:create", { name: "x", scopes: ["write"], bot: "dicebot" }))).toBe(
      "NO_SUCH_USER",
    );
    const made = await t.runOk(alice, "token:create", { name: "run", scopes: ["write", "read"], bot: "dicebot" });
    const botActor = await authenticate(t.deps, made.token);
    expect(botActor.userId).toBe(bot.id);
    await t.runOk(botActor, "channel:join", { channel: "#dev" });
    const who = await t.runOk(alice, "channel:who", { channel: "#dev" });
    expect(who).toBeDefined();
    expect(codeOf(await t.run({ kind: "anonymous" }, "auth:login", { name: "dicebot", password: "" }))).toBe(
      "INVALID_CREDENTIALS",
    );
    expect((await t.runOk(alice, "token:list", { bot: "dicebot" })).tokens.map((x) => x.name)).toEqual(["run"]);
    await t.runOk(alice, "token:revoke", { tokenId: made.info.id });
    await expect(authenticate(t.deps, made.token)).rejects.toMatchObject({ code: "NOT_AUTHENTICATED" });
  });
});
