import type { TestServer, ChatClient as TestUser } from "@canaduck/server/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { TerminalFixture } from "./terminal-fixture";

const PASSWORD = "correct horse battery";
const BLOCK = ["def greet():", "    print('hi')", "", "greet()", "# done", "end of paste"].join("\n");

/** Issue 17's multi-line paste: bracketed, asked about first, and sent as one multi-line message. */
describe("pasting a block, in a real terminal", { timeout: 60_000 }, () => {
  let server: TestServer;
  let bob: TestUser;
  const terminals = new TerminalFixture("paste");

  beforeAll(async () => {
    server = await terminals.startServer();
    bob = await server.user("bob");
    await bob.do("channel:join", { channel: "#dev" });
    const alice = await server.user("alice", PASSWORD);
    await alice.do("channel:join", { channel: "#dev" });
    alice.socket.disconnect();
  }, 60_000);
  afterEach(() => terminals.closeTerminal());
  afterAll(() => terminals.dispose());

  it("takes a pasted password, then asks before sending six pasted lines, Esc drops them, Enter sends them as one message", async () => {
    const t = await terminals.open(server.url);
    // The password pasted at the login prompt: its paste markers are not typed into it.
    await t.waitForText("(connected)");
    await t.type("alice");
    await t.press("Enter");
    await t.paste(PASSWORD);
    await t.press("Enter");
    await t.waitForText("[1:#dev]");
    const said = async () =>
      (await bob.do("history:read", { target: "#dev", limit: 50 })).messages.filter((m) => m.kind === "text");

    await t.paste(`${BLOCK}\n`);
    await t.waitForText("Paste 6 lines? Enter sends as one message, Esc cancels");
    await t.press("Escape");
    await t.waitFor((s) => !s.includes("Paste 6 lines?"));
    expect(await said()).toEqual([]);

    await t.paste(BLOCK);
    await t.waitForText("Paste 6 lines?");
    await t.press("Enter");
    const screen = await t.waitForText("end of paste");
    expect(screen).toContain("<alice> def greet():");
    expect(screen).toContain("greet()");
    const messages = await said();
    expect(messages.map((m) => m.text)).toEqual([BLOCK]);
  });
});
