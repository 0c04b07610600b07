import type { TestServer } from "@canaduck/server/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { TerminalFixture } from "./terminal-fixture";

const PASSWORD = "correct horse battery";
/** The input line, as the screen shows it. */
const inputRow = (screen: string) => screen.trimEnd().split("\n").at(-1) ?? "";

/** Issue 17's line editing, with the keys a readline or irssi user presses, in a real terminal. */
describe("line editing, in a real terminal", { timeout: 60_000 }, () => {
  let server: TestServer;
  const terminals = new TerminalFixture("editing");

  beforeAll(async () => {
    server = await terminals.startServer();
    const alice = await server.user("alice", PASSWORD);
    await alice.do("channel:join", { channel: "#dev" });
    alice.socket.disconnect();
  }, 60_000);
  afterEach(() => terminals.closeTerminal());
  afterAll(() => terminals.dispose());

  it("deletes forward with Delete, yanks what Ctrl+U cut, takes two keys in one read, moves by words", async () => {
    const t = await terminals.open(server.url);
    await t.logIn("alice", PASSWORD);
    await t.waitForText("[1:#dev]");
    const input = (text: string) => t.waitFor((s) => inputRow(s) === `[#dev] ${text}`.trimEnd());

    await t.type("hello world");
    await input("hello world");
    await t.press("Home", "DC");
    await input("ello world");
    await t.press("End", "C-w");
    await input("ello");
    // One send-keys writes both keys at once: the client reads them in one chunk.
    await t.press("C-u", "C-y");
    await input("ello");
    await t.press("C-u");
    await input("");
    await t.press("C-y", "C-Left");
    await t.type("h");
    await input("hello");
    await t.press("M-b", "M-f");
    await t.type("!");
    await input("hello!");
    await t.press("Home", "M-f", "C-Right", "C-a");
    await t.type("=");
    await input("=hello!");
    await t.press("Enter");
    const sent = await t.waitForText("<alice> =hello!");
    expect(inputRow(sent)).toBe("[#dev]");
  });
});
