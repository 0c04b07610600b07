import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { TestServer } from "@canaduck/server/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { TmuxSession } from "./tmux";

const launcher = path.resolve(import.meta.dirname, "../bin/canaduck.js");
const PASSWORD = "correct horse battery";
const MEMBERS = 30;
const nick = (n: number) => `member${String(n).padStart(2, "0")}`;
/** The member list: what stands right of the last border, on the rows that have two (the pane's join lines name members too). */
const memberColumn = (screen: string) =>
  screen
    .split("\n")
    .filter((row) => row.split("│").length === 3)
    .map((row) => row.split("│")[2] ?? "")
    .join("\n");
const listed = (screen: string, n: number) => memberColumn(screen).includes(nick(n));

/** Issue 17: the member list shows every member, scrolling past the screen's height. */
describe("a member list longer than the screen, in a real terminal", { timeout: 90_000 }, () => {
  let server: TestServer;
  let terminal: TmuxSession | undefined;
  const config = mkdtempSync(path.join(tmpdir(), "canaduck-tui-members-"));

  beforeAll(async () => {
    server = await new TestServer({ RATE_LIMITS: "off" }).start();
    for (let n = 1; n <= MEMBERS; n += 1) {
      const member = await server.user(nick(n));
      await member.do("channel:join", { channel: "#big" });
    }
    const alice = await server.user("alice", PASSWORD);
    await alice.do("channel:join", { channel: "#big" });
    alice.socket.disconnect();
  }, 90_000);
  afterEach(async () => {
    await terminal?.kill();
    terminal = undefined;
  });
  afterAll(async () => {
    await server.dispose();
    rmSync(config, { recursive: true, force: true });
  });

  it("pages through every member with Alt+Down and back with Alt+Up", async () => {
    const t = new TmuxSession();
    terminal = t;
    await t.start([process.execPath, launcher, server.url], { XDG_CONFIG_HOME: config, HOME: config }, 100, 24);
    await t.logIn("alice", PASSWORD);
    const top = await t.waitFor((s) => listed(s, 1));
    expect(listed(top, MEMBERS)).toBe(false);
    for (let i = 0; i < 4; i += 1) await t.press("M-Down");
    const bottom = await t.waitFor((s) => listed(s, MEMBERS));
    expect(listed(bottom, 1)).toBe(false);
    for (let i = 0; i < 4; i += 1) await t.press("M-Up");
    await t.waitFor((s) => listed(s, 1) && !listed(s, MEMBERS));
  });
});
