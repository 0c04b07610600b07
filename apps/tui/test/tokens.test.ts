import type { TestServer, ChatClient as TestUser } from "@canaduck/server/testing";
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { TerminalFixture } from "./terminal-fixture";

const PASSWORD = "correct horse battery";

describe("/token and /bot in the terminal", { timeout: 120_000 }, () => {
  let server: TestServer;
  let alice: TestUser;
  const terminals = new TerminalFixture("tokens");

  beforeAll(async () => {
    server = await terminals.startServer();
    alice = await server.user("alice", PASSWORD);
    await alice.do("channel:join", { channel: "#dev" });
  }, 60_000);
  afterEach(() => terminals.closeTerminal());
  afterAll(() => terminals.dispose());

  it("makes a bot and its token, shown once on a line of its own; the bot's line wears its badge", async () => {
    const t = await terminals.open(server.url, 100, 30);
    await t.logIn("alice", PASSWORD);
    await t.waitForText("#dev");
    await t.type("/bot create dicebot");
    await t.press("Enter");
    await t.waitForText("Bot dicebot made.");
    await t.type("/token create run read write bot:dicebot");
    await t.press("Enter");
    const made = await t.waitFor((s) => /will not be shown again/.test(s.replace(/\s+/g, " ")));
    expect(made).toContain('API token "run" for dicebot (read, write)');
    // The secret is alone on its row of the pane, between the pane's borders.
    const token = /│ +([A-Za-z0-9_-]{30,}) +│/.exec(made)?.[1] ?? "";
    expect(token).not.toBe("");

    // The token as a program uses it: over HTTP, as the bot.
    const api = (method: string, path: string, body?: unknown) =>
      fetch(`${server.url}/api/v1${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          "idempotency-key": randomUUID(),
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    expect((await api("PUT", "/channels/dev/membership")).status).toBe(200);
    expect((await api("POST", "/channels/dev/messages", { text: "beep from the bot" })).status).toBe(201);
    await t.waitForText("<dicebot BOT> beep from the bot");
    // In the member list too (its column ends the row).
    await t.waitFor((screen) => /│ dicebot BOT *$/m.test(screen));

    await t.type("/token list bot:dicebot");
    await t.press("Enter");
    const listed = await t.waitForText("API tokens of dicebot");
    expect(listed).toMatch(/ {2}run {2}read write {2}made /);
    expect(listed.slice(listed.indexOf("API tokens of dicebot"))).not.toContain(token);

    await t.type("/whois dicebot");
    await t.press("Enter");
    await t.waitForText("dicebot [BOT]:");
    await t.type("/token revoke run");
    await t.press("Enter");
    await t.waitForText("Token revoked");
    expect((await api("GET", "/me")).status).toBe(401);
  });
});
