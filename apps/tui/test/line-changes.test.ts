import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { TestServer, type ChatClient as TestUser } from "@canaduck/server/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { CuttableLink } from "./cuttable-link";
import { TmuxSession } from "./tmux";

const launcher = path.resolve(import.meta.dirname, "../bin/canaduck.js");
const PASSWORD = "correct horse battery";

/** The screen's rows, to check what stands before what. */
const rowsOf = (screen: string) => screen.split("\n");
// eslint-disable-next-line no-control-regex -- escape sequences are what these read
const sgr = /\u001b\[([0-9;]*)m/g;
// eslint-disable-next-line no-control-regex -- escape sequences are what these read
const sgrBeforePlain = /((?:\u001b\[[0-9;]*m)+)plain\u001b/;
const rowIndex = (screen: string, text: string) => rowsOf(screen).findIndex((row) => row.includes(text));

/**
 * Issue 12 as a terminal user meets it: edits, reactions, replies and formatting seen live, the
 * unread badges and the "new messages" divider (kept by the server across restarts), and lines
 * changed while the terminal was offline. Alice uses the terminal client, through a link the test
 * can cut; bob is a socket straight to the server. The tests run in order, sharing alice's login.
 */
describe("lines that change, in a real terminal", { timeout: 120_000 }, () => {
  let server: TestServer;
  let link: CuttableLink;
  let bob: TestUser;
  let terminal: TmuxSession | undefined;
  const config = mkdtempSync(path.join(tmpdir(), "canaduck-tui-changes-"));

  const startClient = async (env: Record<string, string> = {}) => {
    terminal = new TmuxSession();
    await terminal.start([process.execPath, launcher, link.url], { XDG_CONFIG_HOME: config, HOME: config, ...env });
    return terminal;
  };

  beforeAll(async () => {
    server = await new TestServer({ RATE_SEND_PER_USER: "500/30s" }).start();
    link = new CuttableLink({ host: "127.0.0.1", port: Number(new URL(server.url).port) });
    await link.up();
    // Bob is in both channels first, so what alice has not read is only what he says after she joins.
    bob = await server.user("bob");
    await bob.do("channel:join", { channel: "#dev" });
    await bob.do("channel:join", { channel: "#ops" });
    const alice = await server.user("alice", PASSWORD);
    await alice.do("channel:join", { channel: "#dev" });
    await alice.do("channel:join", { channel: "#ops" });
    alice.socket.disconnect();
    await bob.do("message:send", { target: "#dev", text: "bob's first" });
  }, 60_000);
  afterEach(async () => {
    await terminal?.kill();
    terminal = undefined;
  });
  afterAll(async () => {
    await link.cut();
    await server.dispose();
    rmSync(config, { recursive: true, force: true });
  });

  it("edits with ↑, reacts with /react, and shows others' reactions, replies and formatting live", async () => {
    const t = await startClient();
    await t.logIn("alice", PASSWORD);
    await t.waitForText("[1:#dev]");
    await t.waitForText("<bob> bob's first");

    const said = bob.next("message:new", (m) => m.text === "typo here");
    await t.type("typo here");
    await t.press("Enter");
    const line = await said;
    await t.waitFor((s) => s.includes("<alice> typo here") && !s.includes("sending…"));

    await t.press("Up");
    await t.waitForText("[#dev] /edit typo here");
    // Four backspaces at once, as a fast typist sends them: each one counts.
    await t.press("BSpace", "BSpace", "BSpace", "BSpace");
    await t.waitFor((s) => s.includes("[#dev] /edit typo") && !s.includes("/edit typo here"));
    await t.type("fixed");
    await t.press("Enter");
    const edited = await t.waitForText("<alice> typo fixed (edited)");
    expect(edited).not.toContain("typo here");

    await t.type("/react 👍 2");
    await t.press("Enter");
    await t.waitForText("<bob> bob's first [👍 1*]");

    await bob.do("message:react", { target: "#dev", seq: line.seq, emoji: "🎉" });
    await t.waitForText("<alice> typo fixed (edited) [🎉 1]");

    await bob.do("message:send", { target: "#dev", text: "**agreed**, `ship` ~~later~~ now", replyTo: line.seq });
    const reply = await t.waitForText("<bob> ↪ alice: typo fixed agreed, ship later now");
    expect(reply).not.toContain("**agreed**");

    await t.press("C-c");
    await t.waitForText("[canaduck exited 0]");
  });

  it("keeps unread badges across a restart and draws the new messages divider where reading stopped", async () => {
    let t = await startClient();
    await t.waitForText("[1:#dev]");
    await bob.do("message:send", { target: "#ops", text: "ops one" });
    await bob.do("message:send", { target: "#ops", text: "ops two" });
    const badge = (screen: string) => rowsOf(screen).some((row) => /#ops\s+2\s*│/.test(row));
    await t.waitFor(badge);

    // The badge is the server's: a new start of the program shows it too.
    await t.press("C-c");
    await t.waitForText("[canaduck exited 0]");
    await t.kill();
    t = await startClient();
    await t.waitForText("[1:#dev]");
    await t.waitFor(badge);

    await t.press("C-n");
    const opened = await t.waitFor((s) => s.includes("[2:#ops]") && s.includes("ops two"));
    const divider = rowIndex(opened, "── new messages ──");
    expect(divider).toBeGreaterThan(rowIndex(opened, "alice joined #ops"));
    expect(divider).toBeLessThan(rowIndex(opened, "<bob> ops one"));
    expect(badge(opened)).toBe(false);

    // Seen now: back in #ops later there is nothing new, so no divider.
    await t.press("C-p");
    await t.waitForText("[1:#dev]");
    await t.press("C-n");
    const again = await t.waitForText("[2:#ops]");
    expect(again).not.toContain("new messages");
  });

  it("shows a line edited and one deleted while it was offline, once it is back", async () => {
    const t = await startClient();
    await t.waitForText("[1:#dev]");
    const { message: toEdit } = await bob.do("message:send", { target: "#dev", text: "will be edited" });
    const { message: toDelete } = await bob.do("message:send", { target: "#dev", text: "will be deleted" });
    await t.waitForText("<bob> will be deleted");

    await link.cut();
    await t.waitForText("[disconnected, reconnecting…]");
    await bob.do("message:edit", { target: "#dev", seq: toEdit.seq, text: "was edited offline" });
    await bob.do("message:delete", { target: "#dev", seq: toDelete.seq });
    await link.up();

    const caught = await t.waitFor(
      (s) => s.includes("<bob> was edited offline (edited)") && s.includes("<bob> (message deleted)"),
      30_000,
    );
    expect(caught).not.toContain("will be deleted");
    expect(caught).not.toContain("will be edited");
    await t.waitForText("[online]");
  });

  it("draws no colour with NO_COLOR set, keeping the text and the formatting's styles", async () => {
    // Colours set by an SGR sequence: foreground, background, 256 and true colour (39 and 49, back
    // to the terminal's own colours, are how tmux writes a reset, not a colour).
    const colours = (screen: string) =>
      [...screen.matchAll(sgr)].filter((m) =>
        (m[1] ?? "").split(";").some((p) => /^(3[0-8]|4[0-8]|9[0-7]|10[0-7])$/.test(p)),
      );
    const coloured = await startClient();
    await coloured.waitForText("[1:#dev]");
    expect(colours(await coloured.captureStyled()).length).toBeGreaterThan(0);
    await coloured.kill();

    const t = await startClient({ NO_COLOR: "1" });
    await t.waitForText("[1:#dev]");
    await bob.do("message:send", { target: "#dev", text: "**plain** but `code`" });
    await t.waitForText("<bob> plain but code");
    const styled = await t.captureStyled();
    expect(colours(styled)).toEqual([]);
    // Bold stays (it is not a colour): the sequences right before "plain" turn it on.
    const before = sgrBeforePlain.exec(styled)?.[1] ?? "";
    expect(before.match(/[0-9;]+/g)?.flatMap((p) => p.split(";"))).toContain("1");
  });
});
