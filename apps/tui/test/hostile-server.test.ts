import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { HostileServer, hostile } from "./hostile-server";
import { TmuxSession } from "./tmux";

const launcher = path.resolve(import.meta.dirname, "../bin/canaduck.js");

/**
 * Issue 19 item 5: a server that puts escape sequences in names and messages (the real one refuses
 * them) cannot reach the terminal through the client: the screen shows the plain words, the
 * pane's title stays the same and nothing is written to the clipboard.
 */
describe("a hostile server, in a real terminal", { timeout: 120_000 }, () => {
  let server: HostileServer;
  let terminal: TmuxSession | undefined;
  const config = mkdtempSync(path.join(tmpdir(), "canaduck-tui-hostile-"));
  const leaked = (screen: string) => /hijacked|cHduZWQ|52;c|\]2;/.test(screen);

  beforeAll(async () => {
    server = await new HostileServer().start();
  });
  afterEach(async () => {
    await terminal?.kill();
    terminal = undefined;
  });
  afterAll(async () => {
    await server.close();
    rmSync(config, { recursive: true, force: true });
  });

  it("is what the checks catch when the sequences are printed as they are", async () => {
    // Without this, a clean title and clipboard could just mean tmux ignores the sequences here.
    const t = new TmuxSession({ "set-clipboard": "on" });
    terminal = t;
    await t.start(["printf", "%s\\n", hostile("raw words")], {});
    await t.waitForText("[canaduck exited 0]");
    expect(await t.buffer()).toBe("pwned");
    expect(await t.paneTitle()).toBe("hijacked");
  });

  it("shows every hostile field as its plain words, and leaves the title and the clipboard alone", async () => {
    const t = new TmuxSession({ "set-clipboard": "on" });
    terminal = t;
    await t.start([process.execPath, launcher, server.url], { XDG_CONFIG_HOME: config, HOME: config });
    const title = await t.paneTitle();
    await t.waitForText("(connected)");

    // A refused login's message, on the login screen.
    await t.type("alice");
    await t.press("Enter");
    await t.type("password one");
    await t.press("Enter");
    const refused = await t.waitForText("nologin");
    expect(leaked(refused)).toBe(false);
    await t.type("password two");
    await t.press("Enter");
    await t.waitFor((s) => s.includes("[1:#dev]") && s.includes("topic text") && s.includes("@peername"));
    await t.waitForText("membername");
    await t.waitForText("<author> hello");

    // Live: a typing notice's name, the user's own new nick, an alert's sender.
    server.emit("typing:changed", {
      channelId: "c-dev",
      user: { id: "u-typist", name: hostile("typistname") },
      typing: true,
    });
    server.emit("user:updated", {
      user: { id: "u-alice", name: hostile("ownnick"), isAdmin: false },
      previousName: "alice",
    });
    server.emit("server:alert", {
      text: "maintenance",
      from: hostile("adminname"),
      createdAt: new Date().toISOString(),
    });
    await t.waitFor((s) => s.includes("typistname is typing") && s.includes("[ownnick]") && s.includes("adminname"));

    // A refused send: its message under the unsent line and as a note.
    await t.type("hello there");
    await t.press("Enter");
    const screen = await t.waitFor((s) => s.includes("not sent") && s.includes("refusal"));

    expect(leaked(screen)).toBe(false);
    expect(await t.paneTitle()).toBe(title);
    expect(await t.buffer()).toBe("");
  });
});
