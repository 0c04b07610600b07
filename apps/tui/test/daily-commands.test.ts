import type { TestServer, ChatClient as TestUser } from "@canaduck/server/testing";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { logDir } from "../src/chat/window-log";
import { logsRoot } from "../src/config";
import { settingsPath } from "../src/settings";
import { TerminalFixture } from "./terminal-fixture";

const PASSWORD = "correct horse battery";

/** Issue 17's everyday commands of an irssi or WeeChat user, typed in a real terminal. */
describe("the commands irssi and WeeChat users type daily", { timeout: 120_000 }, () => {
  let server: TestServer;
  let bob: TestUser;
  let alice: TestUser;
  const terminals = new TerminalFixture("daily");

  beforeAll(async () => {
    server = await terminals.startServer();
    bob = await server.user("bob");
    await bob.do("channel:join", { channel: "#dev" });
    alice = await server.user("alice", PASSWORD);
    await alice.do("channel:join", { channel: "#dev" });
    await bob.do("message:send", { target: "#dev", text: "deploy on friday" });
    await bob.do("message:send", { target: "#dev", text: "lunch anyone" });
    await bob.do("message:send", { target: "#dev", text: "deploy done" });
  }, 60_000);
  afterEach(() => terminals.closeTerminal());
  afterAll(() => terminals.dispose());

  it("/away shows to others, /whois and /names answer, /ignore hides bob's lines until /unignore", async () => {
    const t = await terminals.open(server.url);
    await t.logIn("alice", PASSWORD);
    await t.waitForText("deploy done");
    await t.type("/away at lunch");
    await t.press("Enter");
    await t.waitForText("You are away: at lunch");
    expect((await bob.do("user:whois", { nick: "alice" })).away).toBe("at lunch");

    await t.type("/whois bob");
    await t.press("Enter");
    await t.waitFor((s) => s.includes("bob: online") && s.includes("channels in common: #dev"));
    await t.type("/names");
    await t.press("Enter");
    await t.waitFor((s) => s.includes("Members:") && s.includes("~bob"));

    await t.type("/ignore bob");
    await t.press("Enter");
    await t.waitFor((s) => s.includes("Ignoring") && !s.includes("deploy done"));
    await bob.do("message:send", { target: "#dev", text: "said while ignored" });
    await alice.do("message:send", { target: "#dev", text: "alice is still seen" });
    const ignoring = await t.waitForText("<alice> alice is still seen");
    expect(ignoring).not.toContain("said while ignored");
    // The list is the server's: alice's other device knows it too.
    expect((await alice.do("session:state", {})).ignored.map((u) => u.name)).toEqual(["bob"]);

    await t.type("/unignore bob");
    await t.press("Enter");
    await t.waitFor((s) => s.includes("said while ignored") && s.includes("deploy done"));
    await t.type("/away");
    await t.press("Enter");
    await t.waitForText("You are back.");
  });

  it("/lastlog finds the window's lines, /clear empties it, /alias and /set are kept in config.json, /set log on writes the log", async () => {
    const t = await terminals.open(server.url);
    await t.waitForText("deploy done");
    await t.type("/lastlog deploy");
    await t.press("Enter");
    const found = await t.waitForText("Lastlog: 2 lines");
    expect(found).toContain("deploy on friday");
    await t.type("/lastlog -n 1 lunch");
    await t.press("Enter");
    await t.waitForText("Lastlog: 1 line of #dev");

    await t.type("/clear");
    await t.press("Enter");
    await t.waitFor((s) => !s.includes("deploy on friday") && !s.includes("Lastlog"));

    await t.type("/alias dl /lastlog -n 1 deploy");
    await t.press("Enter");
    await t.waitForText("/dl now runs /lastlog -n 1 deploy");
    await t.type("/dl");
    await t.press("Enter");
    await t.waitFor((s) => s.includes("Lastlog: 1 line") && s.includes("deploy done"));

    await t.type("/set log on");
    await t.press("Enter");
    await t.waitForText("log on");
    const saved = JSON.parse(readFileSync(settingsPath(path.join(terminals.config, "canaduck")), "utf8")) as unknown;
    expect(saved).toMatchObject({ log: true, aliases: { dl: "/lastlog -n 1 deploy" } });

    await bob.do("message:send", { target: "#dev", text: "this goes in the log" });
    await t.waitForText("this goes in the log");
    const root = logsRoot({ HOME: terminals.config, XDG_DATA_HOME: process.env.XDG_DATA_HOME });
    const file = path.join(logDir(root, server.url), "#dev.log");
    await expect.poll(() => existsSync(file) && readFileSync(file, "utf8")).toContain("<bob> this goes in the log");
    expect(readFileSync(file, "utf8")).not.toContain("deploy on friday");

    // The next start reads the file: the alias still works.
    await terminals.closeTerminal();
    const again = await terminals.open(server.url);
    await again.waitForText("[1:#dev]");
    await again.type("/dl");
    await again.press("Enter");
    await again.waitForText("Lastlog: 1 line");
  });

  it("/set previews off turns link previews off for the account, on every device, and /set shows it", async () => {
    const t = await terminals.open(server.url);
    // Logged in already when the tests before ran; run alone, it logs in.
    const first = await t.waitFor((s) => s.includes("[1:#dev]") || s.includes("Password:"));
    if (!first.includes("[1:#dev]")) await t.logIn("alice", PASSWORD);
    await t.waitForText("[1:#dev]");
    await t.type("/set previews off");
    await t.press("Enter");
    await t.waitForText("Link previews off, on every device.");
    expect((await alice.do("session:state", {})).settings.linkPreviews).toBe(false);
    await t.type("/set");
    await t.press("Enter");
    await t.waitFor((s) => /previews off \(\/set key value/.test(s));
    await t.type("/set previews on");
    await t.press("Enter");
    await t.waitForText("Link previews on, on every device.");
    expect((await alice.do("session:state", {})).settings.linkPreviews).toBe(true);
  });

  it("/bind makes a key run a command and /set color.… draws a colour as another, both kept in config.json", async () => {
    const t = await terminals.open(server.url);
    const first = await t.waitFor((s) => s.includes("[1:#dev]") || s.includes("Password:"));
    if (!first.includes("[1:#dev]")) await t.logIn("alice", PASSWORD);
    await t.waitForText("[1:#dev]");
    await t.type("/bind alt+l /lastlog deploy");
    await t.press("Enter");
    await t.waitForText("alt+l now runs /lastlog deploy");
    await t.press("M-l");
    await t.waitForText("Lastlog: 2 lines");

    // The status bar's "online" is green; drawn magenta once green is replaced. So is a join's
    // arrow in the lines already shown (rows are redrawn only when they change, or the theme does).
    const styledRow = (text: string) => async () =>
      (await t.captureStyled()).split("\n").find((r) => r.includes(text)) ?? "";
    const onlineRow = styledRow("online]");
    const joinRow = styledRow(" joined #dev");
    expect(await onlineRow()).toContain("\u001b[32m");
    expect(await joinRow()).toContain("\u001b[32m");
    await t.type("/set color.green magenta");
    await t.press("Enter");
    await t.waitForText("color.green magenta");
    await expect.poll(onlineRow).toContain("\u001b[35m");
    expect(await onlineRow()).not.toContain("\u001b[32m");
    await expect.poll(joinRow).toContain("\u001b[35m");
    const saved = JSON.parse(readFileSync(settingsPath(path.join(terminals.config, "canaduck")), "utf8")) as unknown;
    expect(saved).toMatchObject({ colors: { green: "magenta" }, keys: { "alt+l": "/lastlog deploy" } });

    // A key that must stay what it is cannot be bound; /unbind gives a key back.
    await t.type("/bind ctrl+c /quit");
    await t.press("Enter");
    await t.waitForText("Usage: /bind");
    await t.type("/unbind alt+l");
    await t.press("Enter");
    await t.waitForText("alt+l unbound");
    await t.type("/set color.green default");
    await t.press("Enter");
    await expect.poll(onlineRow).toContain("\u001b[32m");
  });
});
