import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { call, next, TestServer, type ChatClient as TestUser } from "@canaduck/server/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { SESSIONS_FILE } from "../src/token-file";
import { borderColumns, TmuxSession } from "./tmux";

const launcher = path.resolve(import.meta.dirname, "../bin/canaduck.js");
const pad = (n: number) => String(n).padStart(2, "0");

/**
 * The client as a user meets it: started from its executable in a real terminal (tmux), against
 * a real server, with a second user on a socket. The tests run in order and share the user's
 * config directory, as two runs of the program on one machine would.
 */
// Generous: on a busy two-core CI machine the program's start alone can take seconds.
describe("canaduck in a real terminal", { timeout: 120_000 }, () => {
  let server: TestServer;
  let bob: TestUser;
  let terminal: TmuxSession | undefined;
  const config = mkdtempSync(path.join(tmpdir(), "canaduck-tui-config-"));

  const startClient = async () => {
    terminal = new TmuxSession();
    await terminal.start([process.execPath, launcher, server.url], { XDG_CONFIG_HOME: config, HOME: config });
    return terminal;
  };

  beforeAll(async () => {
    // Enough sends for a few pages of history; every other limit stays as shipped.
    server = await new TestServer({ RATE_SEND_PER_USER: "500/30s" }).start();
    bob = await server.user("bob");
    await bob.do("channel:join", { channel: "#dev" });
    for (let i = 1; i <= 70; i++) await bob.do("message:send", { target: "#dev", text: `history ${pad(i)}` });
  }, 60_000);
  afterEach(async () => {
    await terminal?.kill();
    terminal = undefined;
  });
  afterAll(async () => {
    await server.dispose();
    rmSync(config, { recursive: true, force: true });
  });

  it("registers at the prompt, chats both ways, pages back through history, and /quit gives the terminal back", async () => {
    const t = await startClient();
    await t.waitForText("(connected)");
    await t.press("Tab");
    await t.waitForText("Pick a nick");
    await t.type("alice");
    await t.press("Enter");
    await t.type("correct horse battery");
    const prompt = await t.waitForText("*".repeat(21));
    expect(prompt).not.toContain("correct horse");
    await t.press("Enter");
    await t.waitForText("You are in no channel yet");
    expect(statSync(path.join(config, "canaduck", SESSIONS_FILE)).mode & 0o777).toBe(0o600);
    expect(statSync(path.join(config, "canaduck")).mode & 0o777).toBe(0o700);

    await t.type("/join #dev");
    await t.press("Enter");
    const joined = await t.waitFor((screen) => screen.includes("alice joined #dev") && screen.includes("history 70"));
    expect(joined).not.toContain("history 01");

    const hearing = bob.next("message:new", (m) => m.text.startsWith("hello from the terminal"));
    await t.type("hello from the terminal 👋");
    await t.press("Enter");
    expect((await hearing).author?.name).toBe("alice");
    await bob.do("message:send", { target: "#dev", text: "alice: hi from a socket, 日本語 and 🎉 too" });
    await bob.do("message:send", { target: "#dev", text: "waves", action: true });
    const chat = await t.waitForText("* bob waves");
    expect(chat).toContain("<bob> alice: hi from a socket, 日本語 and 🎉 too");
    expect(chat).toContain("<alice> hello from the terminal 👋");
    // Wide characters did not push any border out of its column.
    const borders = borderColumns(chat);
    expect(new Set(borders.map((b) => b.join(","))).size).toBe(1);

    for (let i = 0; i < 15 && !(await t.capture()).includes("Beginning of #dev"); i++) {
      const before = await t.capture();
      await t.press("PPage");
      await t.waitFor((screen) => screen !== before, 5_000).catch(() => "");
    }
    const top = await t.waitForText("Beginning of #dev");
    expect(top).toContain("<bob> history 01");
    expect(top).toContain("more below");
    for (let i = 0; i < 15 && (await t.capture()).includes("more below"); i++) {
      const before = await t.capture();
      await t.press("NPage");
      await t.waitFor((screen) => screen !== before, 5_000).catch(() => "");
    }
    await t.waitFor((screen) => screen.includes("* bob waves") && !screen.includes("more below"));

    await t.type("/quit see you");
    await t.press("Enter");
    const after = await t.waitForText("[canaduck exited 0]");
    expect(after).toContain("shell before canaduck");
    expect(after).not.toContain("Windows");
  });

  it("logs in by itself on the next start, says when the server goes away, and catches up after it restarts", async () => {
    const t = await startClient();
    const screen = await t.waitForText("[alice]");
    expect(screen).not.toContain("Tab switches");
    await t.waitForText("[1:#dev]");

    await server.stop();
    await t.waitForText("Disconnected from the server");
    await t.waitForText("[disconnected, reconnecting…]");
    await server.start();
    // Bob speaks right after the restart, most often before the terminal client is back (it is
    // waiting out its backoff); either way each line must show, once.
    const bobAgain = await server.connect({ token: bob.token });
    for (let i = 1; i <= 3; i++)
      expect((await call(bobAgain, "message:send", { target: "#dev", text: `said while you were away ${i}` })).ok).toBe(
        true,
      );

    const caught = await t.waitForText("said while you were away 3", 30_000);
    expect(caught.split("said while you were away 1")).toHaveLength(2);
    await t.waitForText("[online]");
    await t.waitForText("Reconnected");

    const hearing = next(bobAgain, "message:new", (m) => m.text === "back again", 10_000);
    await t.type("back again");
    await t.press("Enter");
    expect((await hearing).author?.name).toBe("alice");
    // Bob may hear it before alice's client has its ack: until then it is unsent, and Ctrl+C asks.
    await t.waitFor((s) => s.includes("<alice> back again") && !s.includes("(sending…)"));

    await t.press("C-c");
    const after = await t.waitForText("[canaduck exited 0]");
    expect(after).toContain("shell before canaduck");
    expect(after).not.toContain("[alice]");
  });
});
