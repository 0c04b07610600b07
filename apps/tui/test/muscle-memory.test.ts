import type { TestServer, ChatClient as TestUser } from "@canaduck/server/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { TerminalFixture } from "./terminal-fixture";
import { CuttableLink } from "./cuttable-link";

const PASSWORD = "correct horse battery";

/**
 * Issue 17's muscle memory: irssi's `/q nick` opens a query instead of quitting, Ctrl+C with
 * unsent text asks first, and lines typed while disconnected survive quitting and restarting.
 */
describe("an irssi user's habits, in a real terminal", { timeout: 90_000 }, () => {
  let server: TestServer;
  let link: CuttableLink;
  let bob: TestUser;
  const terminals = new TerminalFixture("habits");

  const startClient = () => terminals.open(link.url);

  beforeAll(async () => {
    server = await terminals.startServer();
    link = new CuttableLink({ host: "127.0.0.1", port: Number(new URL(server.url).port) });
    await link.up();
    bob = await server.user("bob");
    await bob.do("channel:join", { channel: "#dev" });
    const alice = await server.user("alice", PASSWORD);
    await alice.do("channel:join", { channel: "#dev" });
    alice.socket.disconnect();
  }, 60_000);
  afterEach(() => terminals.closeTerminal());
  afterAll(async () => {
    await link.cut();
    await terminals.dispose();
  });

  it("opens a query with /q nick, and asks before Ctrl+C throws away what is typed", async () => {
    const t = await startClient();
    await t.logIn("alice", PASSWORD);
    await t.waitForText("[1:#dev]");
    await t.type("/q bob");
    await t.press("Enter");
    await t.waitForText("start a conversation with bob");

    await t.type("half a thought");
    await t.press("C-c");
    await t.waitForText("press Ctrl+C again to quit");
    // Any other key stays, and the question goes.
    await t.press("End");
    await t.waitFor((s) => !s.includes("press Ctrl+C again") && s.includes("half a thought"));
    await t.press("C-c");
    await t.waitForText("press Ctrl+C again to quit");
    await t.press("C-c");
    await t.waitForText("[canaduck exited 0]");
  });

  it("keeps a line typed while disconnected through a quit and a restart, and sends it once", async () => {
    const t = await startClient();
    await t.waitForText("[1:#dev]");
    await link.cut();
    await t.waitForText("disconnected");
    await t.type("typed while offline");
    await t.press("Enter");
    await t.waitForText("(sending…)");
    await t.press("C-c");
    await t.waitForText("press Ctrl+C again to quit");
    await t.press("C-c");
    await t.waitForText("[canaduck exited 0]");
    await t.kill();

    await link.up();
    const again = await startClient();
    await again.waitFor((s) => s.includes("<alice> typed while offline") && !s.includes("(sending…)"));
    const { messages } = await bob.do("history:read", { target: "#dev", limit: 50 });
    expect(messages.filter((m) => m.text === "typed while offline")).toHaveLength(1);
  });
});
