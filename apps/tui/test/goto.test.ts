import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { TestServer } from "@canaduck/server/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { TmuxSession } from "./tmux";

const launcher = path.resolve(import.meta.dirname, "../bin/canaduck.js");
const PASSWORD = "correct horse battery";
/** More than the first page the terminal loads (50), so the original is not loaded when it starts. */
const FILLERS = 70;
/** More than the client core loads back page by page (1,000 entries): the jump opens a window. */
const FAR_FILLERS = 1_050;
const filler = (n: number) => `filler ${String(n).padStart(2, "0")}`;

/**
 * Issue 12's "activating a reply jumps to its original", in the terminal: `/goto` loads the
 * history back to a line older than anything loaded, shows it with its neighbours and marks it,
 * and End brings the newest lines back.
 */
describe("/goto from a reply to its original, in a real terminal", { timeout: 120_000 }, () => {
  let server: TestServer;
  let terminal: TmuxSession | undefined;
  const config = mkdtempSync(path.join(tmpdir(), "canaduck-tui-goto-"));

  beforeAll(async () => {
    server = await new TestServer({ RATE_LIMITS: "off" }).start();
    const bob = await server.user("bob");
    await bob.do("channel:join", { channel: "#dev" });
    await bob.do("channel:join", { channel: "#far" });
    const alice = await server.user("alice", PASSWORD);
    await alice.do("channel:join", { channel: "#dev" });
    await alice.do("channel:join", { channel: "#far" });
    alice.socket.disconnect();

    const { message: farOriginal } = await bob.do("message:send", { target: "#far", text: "far original" });
    await bob.do("message:send", { target: "#far", text: "right after it" });
    // In batches the server takes at once (it refuses too many commands in flight on one connection).
    for (let n = 0; n < FAR_FILLERS; n += 25)
      await Promise.all(
        Array.from({ length: 25 }, (_, k) => bob.do("message:send", { target: "#far", text: `far ${n + k}` })),
      );
    await bob.do("message:send", { target: "#far", text: "a far reply", replyTo: farOriginal.seq });

    await bob.do("message:send", { target: "#dev", text: "just before it" });
    const { message: original } = await bob.do("message:send", { target: "#dev", text: "the original" });
    for (let n = 1; n <= FILLERS; n++) await bob.do("message:send", { target: "#dev", text: filler(n) });
    await bob.do("message:send", { target: "#dev", text: "a reply to it", replyTo: original.seq });
  }, 120_000);
  afterEach(async () => {
    await terminal?.kill();
    terminal = undefined;
  });
  afterAll(async () => {
    await server.dispose();
    rmSync(config, { recursive: true, force: true });
  });

  it("shows the original with its neighbours, marked, and End or Esc returns to the newest lines", async () => {
    const t = new TmuxSession();
    terminal = t;
    await t.start([process.execPath, launcher, server.url], { XDG_CONFIG_HOME: config, HOME: config });
    await t.logIn("alice", PASSWORD);
    const newest = await t.waitForText("<bob> ↪ bob: the original a reply to it");
    expect(newest).not.toContain("<bob> the original");

    // A line that is not a reply: a hint, and the pane stays put.
    await t.type("/goto 2");
    await t.press("Enter");
    await t.waitForText("That line is not a reply");

    await t.type("/goto 1");
    await t.press("Enter");
    const jumped = await t.waitForText("▶");
    const rows = jumped.split("\n");
    const at = rows.findIndex((row) => row.includes("▶"));
    expect(rows[at]).toMatch(/▶ \d\d:\d\d <bob> the original/);
    expect(rows[at - 1]).toContain("<bob> just before it");
    expect(rows[at + 1]).toContain(`<bob> ${filler(1)}`);
    expect(jumped).toContain("[older lines: End or Esc for the newest]");
    expect(jumped).not.toContain("a reply to it");

    await t.press("End");
    const back = await t.waitFor((s) => s.includes("a reply to it") && !s.includes("▶"));
    expect(back).not.toContain("older lines: End");
    expect(back).toContain(`<bob> ${filler(FILLERS)}`);

    // Without n, the newest reply shown; Esc comes back as well.
    await t.type("/goto");
    await t.press("Enter");
    await t.waitFor((s) => /▶ \d\d:\d\d <bob> the original/.test(s) && !s.includes("a reply to it"));
    await t.press("Escape");
    await t.waitFor((s) => s.includes("a reply to it") && !s.includes("▶"));
  });

  it("shows a line further back than paging reaches in a window around it, and End leaves it", async () => {
    // Logged in by the first test: the saved session logs in by itself.
    const t = new TmuxSession();
    terminal = t;
    await t.start([process.execPath, launcher, server.url], { XDG_CONFIG_HOME: config, HOME: config });
    await t.waitForText("[1:#dev]");
    await t.press("C-n");
    await t.waitFor((s) => s.includes("[2:#far]") && s.includes("<bob> ↪ bob: far original a far reply"));

    await t.type("/goto 1");
    await t.press("Enter");
    const jumped = await t.waitFor((s) => /▶ \d\d:\d\d <bob> far original/.test(s));
    expect(jumped).toContain("<bob> right after it");
    expect(jumped).toContain("[older lines: End or Esc for the newest]");
    expect(jumped).not.toContain("a far reply");
    // It is the window around the line: paging down ends where the window does, not at the newest.
    expect(jumped).toContain("--- Beginning of #far");
    await t.press("NPage");
    await t.press("NPage");
    await t.waitForText("Newer lines not shown; End or Esc returns to the newest lines");

    await t.press("End");
    const back = await t.waitFor((s) => s.includes("a far reply") && !s.includes("▶"));
    expect(back).not.toContain("Newer lines not shown");
    expect(back).toContain(`<bob> far ${FAR_FILLERS - 1}`);
  });
});
