import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { TestServer } from "@canaduck/server/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { TmuxSession } from "./tmux";

const launcher = path.resolve(import.meta.dirname, "../bin/canaduck.js");
const PASSWORD = "correct horse battery";
/** More than the first page the terminal loads (50): the old match is not loaded when it starts. */
const FILLERS = 80;
const filler = (n: number) => `filler ${String(n).padStart(2, "0")}`;
/** More straws than one page of results (20): the rest come with PageDown. */
const STRAWS = 23;
/** The escape sequence that turns reverse video on, alone or among other attributes. */
// eslint-disable-next-line no-control-regex -- escape sequences are what this reads
const REVERSE = /\u001b\[(?:[0-9;]*;)?7(?:;[0-9;]*)?m/;

/**
 * Issue 13 in the terminal: `/search` shows the results in a window of their own, only lines the
 * user may read, and Enter opens an old one in its conversation with its neighbours around it.
 */
describe("/search in a real terminal", { timeout: 120_000 }, () => {
  let server: TestServer;
  let bob: Awaited<ReturnType<TestServer["user"]>>;
  let terminal: TmuxSession | undefined;
  const config = mkdtempSync(path.join(tmpdir(), "canaduck-tui-search-"));

  beforeAll(async () => {
    server = await new TestServer({ RATE_LIMITS: "off" }).start();
    bob = await server.user("bob");
    const carol = await server.user("carol");
    const alice = await server.user("alice", PASSWORD);
    for (const channel of ["#dev", "#ops"]) {
      await bob.do("channel:join", { channel });
      await alice.do("channel:join", { channel });
    }
    // A channel alice is not in: its lines never reach her results.
    await carol.do("channel:join", { channel: "#secret" });
    alice.socket.disconnect();

    await bob.do("message:send", { target: "#dev", text: "just before it" });
    await bob.do("message:send", { target: "#dev", text: "the old needle in the hay" });
    for (let n = 1; n <= FILLERS; n++) await bob.do("message:send", { target: "#dev", text: filler(n) });
    await carol.do("message:send", { target: "#secret", text: "a secret needle" });
    await bob.do("message:send", { target: "#ops", text: "a new needle, today" });
    for (let n = 1; n <= STRAWS; n++) await bob.do("message:send", { target: "#ops", text: `straw ${n}` });
  }, 120_000);
  afterEach(async () => {
    await terminal?.kill();
    terminal = undefined;
  });
  afterAll(async () => {
    await server.dispose();
    rmSync(config, { recursive: true, force: true });
  });

  it("lists the hits in their own window, highlighted, and Enter opens an old one among its neighbours", async () => {
    const t = new TmuxSession();
    terminal = t;
    await t.start([process.execPath, launcher, server.url], { XDG_CONFIG_HOME: config, HOME: config });
    await t.logIn("alice", PASSWORD);
    const start = await t.waitForText(`<bob> ${filler(FILLERS)}`);
    expect(start).not.toContain("the old needle");

    await t.type("/search needle");
    await t.press("Enter");
    const found = await t.waitFor((s) => s.includes("Search: needle — 2 results"));
    const rows = found.split("\n");
    // Newest first, each with its number, conversation, time and author.
    const first = rows.findIndex((r) => /▶ 1\. #ops \d\d:\d\d <bob> a new needle, today/.test(r));
    const second = rows.findIndex((r) => /2\. #dev \d\d:\d\d <bob> the old needle in the hay/.test(r));
    expect(first).toBeGreaterThan(-1);
    expect(second).toBeGreaterThan(first);
    expect(found).not.toContain("secret");
    // Its own window, after the conversations, and on the status bar.
    expect(found).toMatch(/3 search: needle/);
    expect(found).toContain("[3:search: needle]");
    expect(found).toContain("— end of results —");
    // The matched word is drawn in reverse video, the rest of the line is not.
    const styled = (await t.captureStyled()).split("\n").find((r) => r.includes("the old"));
    expect(styled).toBeDefined();
    // eslint-disable-next-line no-control-regex -- the styles before the word are what this reads
    const [, before] = /the old ((?:\u001b\[[0-9;]*m)+)needle/.exec(styled ?? "") ?? [];
    expect(before).toMatch(REVERSE);
    expect(styled?.split("needle")[1]).not.toMatch(REVERSE);

    await t.press("Down");
    await t.waitFor((s) => /▶ 2\. #dev/.test(s));
    await t.press("Enter");
    const opened = await t.waitFor((s) => /▶ \d\d:\d\d <bob> the old needle in the hay/.test(s));
    const lines = opened.split("\n");
    const at = lines.findIndex((r) => r.includes("▶"));
    expect(lines[at - 1]).toContain("<bob> just before it");
    expect(lines[at + 1]).toContain(`<bob> ${filler(1)}`);
    expect(opened).toContain("[1:#dev]");
    expect(opened).not.toContain("Search: needle");
    // The results wait in the window list: Alt+3 shows them again.
    expect(opened).toMatch(/3 search: needle/);
    await t.press("M-3");
    await t.waitFor((s) => s.includes("Search: needle — 2 results") && s.includes("[3:search: needle]"));
    // A line said behind the results window is not seen yet: it counts as unread there.
    await bob.do("message:send", { target: "#dev", text: "said while searching" });
    await t.waitFor((s) => /1 #dev\s+1│/.test(s));
    // Ctrl+P steps from the results window to the conversation before it.
    await t.press("C-p");
    await t.waitFor((s) => s.includes("[2:#ops]") && !s.includes("Search: needle"));
  });

  it("says why a search was refused and when nothing matched; /goto n opens result n; Esc closes the window", async () => {
    // Logged in by the first test: the saved session logs in by itself.
    const t = new TmuxSession();
    terminal = t;
    await t.start([process.execPath, launcher, server.url], { XDG_CONFIG_HOME: config, HOME: config });
    await t.waitForText("[1:#dev]");

    await t.type("/search needle before:yesterday");
    await t.press("Enter");
    const refused = await t.waitForText("That search could not be read. before: takes");
    expect(refused).toContain('not "yesterday"');

    // In the results window, words without a slash search again, replacing the results.
    await t.type("haystackless");
    await t.press("Enter");
    const none = await t.waitForText("Search: haystackless — no results");
    expect(none).not.toContain("needle");

    await t.type("/search needle");
    await t.press("Enter");
    await t.waitForText("Search: needle — 2 results");
    await t.type("/goto 9");
    await t.press("Enter");
    await t.waitForText("There is no result 9: 1 to 2.");
    await t.type("/goto 1");
    await t.press("Enter");
    const opened = await t.waitFor((s) => /▶ \d\d:\d\d <bob> a new needle, today/.test(s));
    expect(opened).toContain("[2:#ops]");

    await t.press("M-3");
    await t.waitForText("Search: needle — 2 results");
    await t.press("Escape");
    const closed = await t.waitFor((s) => !s.includes("Search: needle") && s.includes("[2:#ops]"));
    expect(closed).not.toMatch(/3 search: needle/);
  });

  it("pages to older results with PageDown and, with NO_COLOR, marks the match in reverse video without colour", async () => {
    const t = new TmuxSession();
    terminal = t;
    await t.start([process.execPath, launcher, server.url], { XDG_CONFIG_HOME: config, HOME: config, NO_COLOR: "1" });
    await t.waitForText("[1:#dev]");
    await t.type("/search straw");
    await t.press("Enter");
    const first = await t.waitForText("Search: straw — 20+ results");
    expect(first).toMatch(/▶ 1\. #ops \d\d:\d\d <bob> straw 23/);

    const styled = await t.captureStyled();
    // The selected result, the newest: its words are split by their styles here.
    const row = styled.split("\n").find((r) => r.includes("▶")) ?? "";
    // eslint-disable-next-line no-control-regex -- the styles before the word are what this reads
    const [, before] = /((?:\u001b\[[0-9;]*m)+)straw(?:\u001b\[[0-9;]*m)* 23/.exec(row) ?? [];
    expect(before).toMatch(REVERSE);
    // eslint-disable-next-line no-control-regex -- colour parameters are what this looks for
    const colours = [...styled.matchAll(/\u001b\[([0-9;]*)m/g)].filter((m) =>
      (m[1] ?? "").split(";").some((p) => /^(3[0-8]|4[0-8]|9[0-7]|10[0-7])$/.test(p)),
    );
    expect(colours).toEqual([]);

    // All 20 fit on the screen: PageDown at the end asks for the next page.
    await t.press("NPage");
    await t.waitForText("Search: straw — 23 results");
    await t.press("NPage");
    const all = await t.waitFor((s) => s.includes("— end of results —"));
    expect(all).toContain("23. #ops");
    expect(all).toMatch(/<bob> straw 1\s*$/m);
    await t.press("PPage");
    await t.waitFor((s) => s.includes("Search: straw — 23 results") && !s.includes("— end of results —"));
  });
});
