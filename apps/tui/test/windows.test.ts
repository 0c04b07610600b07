import { ChatClient as TestUser, type TestServer } from "@canaduck/server/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { TerminalFixture } from "./terminal-fixture";

const PASSWORD = "correct horse battery";

/**
 * Issue 17's moving window numbers, as an irssi user meets them: a join does not renumber the
 * DM, a kick leaves its window in place saying who and why until /close, and Alt+A goes to the
 * window that most needs reading.
 */
describe("window numbers that stay, in a real terminal", { timeout: 90_000 }, () => {
  let server: TestServer;
  let bob: TestUser;
  let alice: TestUser;
  const terminals = new TerminalFixture("windows");

  beforeAll(async () => {
    server = await terminals.startServer();
    bob = await server.user("bob");
    await bob.do("channel:join", { channel: "#dev" });
    await bob.do("channel:join", { channel: "#ops" });
    alice = await server.user("alice", PASSWORD);
    await alice.do("channel:join", { channel: "#dev" });
    await alice.do("channel:join", { channel: "#ops" });
    alice.socket.disconnect();
    await bob.do("message:send", { target: "alice", text: "psst" });
  }, 60_000);
  afterEach(() => terminals.closeTerminal());
  afterAll(() => terminals.dispose());

  it("keeps numbers through a join and a kick, closes the parted window, and Alt+A finds activity", async () => {
    const t = await terminals.open(server.url);
    await t.logIn("alice", PASSWORD);
    await t.waitForText("[1:#dev]");
    await t.waitForText(" 3!@bob");

    await t.type("/join #alpha");
    await t.press("Enter");
    const joined = await t.waitForText("[4:#alpha]");
    expect(joined).toContain(" 3!@bob");
    await t.press("M-3");
    await t.waitFor((s) => s.includes("[3:bob]") && s.includes("<bob> psst"));

    await bob.do("channel:kick", { channel: "#ops", nick: "alice", reason: "too loud" });
    await t.waitForText(" 2-#ops");
    await t.press("M-2");
    const kicked = await t.waitForText("You were kicked from #ops by bob (too loud)");
    expect(kicked).toContain("[2:#ops]");
    expect(kicked).toContain("[#ops (parted)]");
    // Nothing typed in a parted window is sent anywhere.
    await t.type("anyone here?");
    await t.press("Enter");
    await t.waitForText("Nowhere to send that");
    await t.press("M-4");
    const alpha = await t.waitForText("[4:#alpha]");
    expect(alpha).not.toContain("anyone here?");
    // A notice that belongs to no window is said once, in the window shown, not in every window.
    expect(alpha).not.toContain("Nowhere to send that");
    expect(alpha).not.toContain("You were kicked from #ops");

    await t.press("M-2");
    await t.waitForText("[#ops (parted)]");
    await t.type("/close");
    await t.press("Enter");
    const closed = await t.waitForText("[1:#dev]");
    expect(closed).not.toContain("#ops");
    expect(closed).toContain(" 3 @bob");
    expect(closed).toContain(" 4 #alpha");

    await bob.do("channel:join", { channel: "#alpha" });
    await bob.do("message:send", { target: "alice", text: "private again" });
    await bob.do("message:send", { target: "#alpha", text: "just a line" });
    await t.waitForText(" 3!@bob");
    await t.press("M-a");
    await t.waitFor((s) => s.includes("[3:bob]") && s.includes("private again"));
    await t.press("M-a");
    await t.waitFor((s) => s.includes("[4:#alpha]") && s.includes("just a line"));

    await t.type("/window move 1");
    await t.press("Enter");
    const moved = await t.waitForText("[1:#alpha]");
    expect(moved).toContain(" 4 #dev");
    expect(moved).toContain(" 3 @bob");

    // A private window closes too, and comes back, under the lowest free number, with the next line.
    await t.press("M-3");
    await t.waitForText("[3:bob]");
    await t.type("/close");
    await t.press("Enter");
    const gone = await t.waitForText("[1:#alpha]");
    expect(gone).not.toContain("@bob");
    // Closed on the server, not just in this terminal: alice's other devices no longer list it.
    const otherDevice = new TestUser(await server.connect({ token: alice.token }), alice.token, "alice");
    await vi.waitFor(async () => {
      const { channels } = await otherDevice.do("session:state", {});
      expect(channels.filter((c) => c.kind === "direct")).toEqual([]);
    });
    await bob.do("message:send", { target: "alice", text: "back again" });
    await t.waitForText(" 2!@bob");
  });
});
