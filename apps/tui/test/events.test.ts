import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { revokedText } from "@canaduck/client";
import { TestServer, type ChatClient as TestUser } from "@canaduck/server/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { TmuxSession } from "./tmux";

const launcher = path.resolve(import.meta.dirname, "../bin/canaduck.js");
const PASSWORD = "correct horse battery";

/** Issue 17's silent events: a nick change, a quit with its message, and a revoked session's reason are said. */
describe("events that used to be silent, in a real terminal", { timeout: 60_000 }, () => {
  let server: TestServer;
  let alice: TestUser;
  let terminal: TmuxSession | undefined;
  const config = mkdtempSync(path.join(tmpdir(), "canaduck-tui-events-"));

  beforeAll(async () => {
    server = await new TestServer({ RATE_LIMITS: "off" }).start();
    alice = await server.user("alice", PASSWORD);
    await alice.do("channel:join", { channel: "#dev" });
  }, 60_000);
  afterEach(async () => {
    await terminal?.kill();
    terminal = undefined;
  });
  afterAll(async () => {
    await server.dispose();
    rmSync(config, { recursive: true, force: true });
  });

  it("shows nick changes and quit messages, and why the session ended", async () => {
    const t = new TmuxSession();
    terminal = t;
    await t.start([process.execPath, launcher, server.url], { XDG_CONFIG_HOME: config, HOME: config }, 80, 24);
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
