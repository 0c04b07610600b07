import type { TestServer } from "@canaduck/server/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { TerminalFixture } from "./terminal-fixture";
import { borderColumns } from "./tmux";

const PASSWORD = "correct horse battery";
const THUMBS = "👍🏽".repeat(30);

/**
 * The screen is intact: `rows` rows, the title on the first, the input line at the bottom, the
 * last line in view, and every border in one column.
 */
function intact(screen: string, rows: number): boolean {
  const lines = screen.replace(/\n$/, "").split("\n");
  const borders = borderColumns(screen);
  return (
    lines.length === rows &&
    (lines[0] ?? "").includes("#dev") &&
    (lines[rows - 1] ?? "").startsWith("[#dev]") &&
    screen.includes("👍 end") &&
    borders.length > rows - 6 &&
    borders.every((row) => row.join() === borders[0]?.join())
  );
}

/**
 * Issue 17's grapheme width: lines of 👍🏽, ZWJ sequences, flags and VS16, which tmux draws wider
 * than a per-cluster measure says, leave the borders in place at 80×24 and after a resize.
 */
describe("emoji sequences, in a real terminal at 80×24", { timeout: 60_000 }, () => {
  let server: TestServer;
  const terminals = new TerminalFixture("emoji");

  beforeAll(async () => {
    server = await terminals.startServer();
    const bob = await server.user("bob");
    await bob.do("channel:join", { channel: "#dev" });
    const alice = await server.user("alice", PASSWORD);
    await alice.do("channel:join", { channel: "#dev" });
    alice.socket.disconnect();
    for (const text of [THUMBS, "👨‍👩‍👧 ".repeat(10), "🇫🇷🇩🇪🇯🇵 ".repeat(8), "❤️ ".repeat(20), `${THUMBS} end`])
      await bob.do("message:send", { target: "#dev", text });
  }, 60_000);
  afterEach(() => terminals.closeTerminal());
  afterAll(() => terminals.dispose());

  it("keeps every border in its column, before and after a resize", async () => {
    const t = await terminals.open(server.url);
    await t.logIn("alice", PASSWORD);
    // Each screen is polled until intact: a capture may fall between two frames while Ink redraws.
    const screen = await t.waitFor((s) => intact(s, 24), 10_000);
    expect(screen).toContain("FRDEJP");
    expect(screen).toContain("👨👩👧 👨👩👧");

    await t.resize(64, 20);
    await t.waitFor((s) => intact(s, 20), 10_000);
    await t.resize(80, 24);
    await t.waitFor((s) => intact(s, 24), 10_000);
  });
});
