import { revokedText } from "@canaduck/client";
import type { TestServer, ChatClient as TestUser } from "@canaduck/server/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { TerminalFixture } from "./terminal-fixture";

const PASSWORD = "correct horse battery";

/** Issue 17's silent events: a nick change, a quit with its message, and a revoked session's reason are said. */
describe("events that used to be silent, in a real terminal", { timeout: 60_000 }, () => {
  let server: TestServer;
  let alice: TestUser;
  const terminals = new TerminalFixture("events");

  beforeAll(async () => {
    server = await terminals.startServer();
    alice = await server.user("alice", PASSWORD);
    await alice.do("channel:join", { channel: "#dev" });
  }, 60_000);
  afterEach(() => terminals.closeTerminal());
  afterAll(() => terminals.dispose());

  it("shows nick changes and quit messages, and why the session ended", async () => {
    const t = await terminals.open(server.url);
    await t.logIn("alice", PASSWORD);
    await t.waitForText("[1:#dev]");

    const bob = await server.user("bob");
    await bob.do("channel:join", { channel: "#dev" });
    await bob.do("user:nick", { nick: "robert" });
    await t.waitForText("bob is now known as robert");
    await bob.do("session:quit", { message: "off to lunch" });
    await t.waitForText("robert has quit (off to lunch)");

    // Alice ends the terminal's session from her other one (the test's socket).
    const { sessions } = await alice.do("session:list", {});
    const other = sessions.find((s) => !s.current);
    expect(other).toBeDefined();
    await alice.do("session:revoke", { sessionId: other?.id ?? "" });
    const login = await t.waitForText(revokedText.slice(0, 60));
    expect(login).not.toContain("[1:#dev]");
  });
});
