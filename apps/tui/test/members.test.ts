import type { TestServer } from "@canaduck/server/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { TerminalFixture } from "./terminal-fixture";

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
  const terminals = new TerminalFixture("members");

  beforeAll(async () => {
    server = await terminals.startServer();
    for (let n = 1; n <= MEMBERS; n += 1) {
      const member = await server.user(nick(n));
      await member.do("channel:join", { channel: "#big" });
    }
    const alice = await server.user("alice", PASSWORD);
    await alice.do("channel:join", { channel: "#big" });
    alice.socket.disconnect();
  }, 90_000);
  afterEach(() => terminals.closeTerminal());
  afterAll(() => terminals.dispose());

  it("pages through every member with Alt+Down and back with Alt+Up", async () => {
    const t = await terminals.open(server.url, 100, 24);
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
