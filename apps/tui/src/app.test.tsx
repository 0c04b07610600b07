import { ChatClient, memoryTokenStore, waitForState, type TokenStore } from "@canaduck/client";
import { TestServer, type ChatClient as TestUser } from "@canaduck/server/testing";
import { cleanup, render } from "ink-testing-library";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { App } from "./app";
import { plain, waitForFrame } from "./testing/frames";
import { keys, resize } from "./testing/terminal";

describe("the terminal client against a real server", () => {
  let server: TestServer;
  let clients: ChatClient[] = [];
  let bells = 0;

  beforeEach(async () => {
    // Enough sends for a few pages of history in a test; the other limits stay as shipped.
    server = await new TestServer({ RATE_SEND_PER_USER: "500/30s" }).start();
    bells = 0;
  });
  afterEach(async () => {
    cleanup();
    for (const c of clients) c.close();
    clients = [];
    await server.dispose();
  });

  const start = (tokens: TokenStore = memoryTokenStore()) => {
    const client = new ChatClient({
      url: server.url,
      tokens,
      socket: { reconnectionDelay: 50, reconnectionDelayMax: 200 },
    });
    clients.push(client);
    const app = render(
      <App client={client} url={server.url} hasToken={() => tokens.load() !== null} onBell={() => bells++} />,
    );
    resize(app.stdout, 100, 30);
    return { client, tokens, ...app };
  };

  /** A client already registered as `name`, its app rendered, in `channels` joined in order. */
  const loggedIn = async (name: string, ...channels: string[]) => {
    const app = start();
    await waitForState(app.client, (s) => s.status === "online");
    expect((await app.client.register(name, "long password 1")).ok).toBe(true);
    for (const channel of channels) expect(await app.client.submit(`/join ${channel}`)).toBeNull();
    await waitForFrame(app.lastFrame, (f) => f.includes(`[${name}]`));
    return app;
  };

  const say = (stdin: { write(data: string): void }, line: string) => {
    stdin.write(line);
    stdin.write(keys.enter);
  };

  it("registers at the prompt with the password masked, keeps the token, and opens the chat", async () => {
    const { lastFrame, stdin, tokens } = start();
    await waitForFrame(lastFrame, (f) => f.includes("(connected)"));
    stdin.write(keys.tab);
    await waitForFrame(lastFrame, (f) => f.includes("Pick a nick"));
    stdin.write("alice");
    stdin.write(keys.enter);
    stdin.write("hunter2 is long");
    const masked = await waitForFrame(lastFrame, (f) => f.includes("*".repeat(15)));
    expect(masked).not.toContain("hunter2");
    stdin.write(keys.enter);
    const chat = await waitForFrame(lastFrame, (f) => f.includes("[alice]"));
    expect(chat).toContain("You are in no channel yet");
    expect(tokens.load()).toMatch(/\S{20,}/);
  });

  it("says in plain words why a login was refused", async () => {
    const { lastFrame, stdin } = start();
    await waitForFrame(lastFrame, (f) => f.includes("(connected)"));
    say(stdin, "nobody");
    say(stdin, "wrong password");
    await waitForFrame(lastFrame, (f) => /wrong name or password/i.test(f));
  });

  it("chats both ways, shows /me actions, joins and who is typing", async () => {
    const bob: TestUser = await server.user("bob");
    await bob.do("channel:join", { channel: "#dev" });
    const alice = await loggedIn("alice", "#dev");
    await waitForFrame(alice.lastFrame, (f) => f.includes("alice joined #dev"));

    const hearing = bob.next("message:new", (m) => m.text === "hello bob");
    say(alice.stdin, "hello bob");
    expect((await hearing).author?.name).toBe("alice");

    await bob.do("typing:set", { target: "#dev", typing: true });
    await waitForFrame(alice.lastFrame, (f) => f.includes("bob is typing…"));
    await bob.do("message:send", { target: "#dev", text: "waves back", action: true });
    const frame = await waitForFrame(alice.lastFrame, (f) => f.includes("* bob waves back"));
    expect(frame).toContain("<alice> hello bob");
    expect(frame).not.toContain("bob is typing…");
  });

  it("completes nicks, channels and commands with Tab, with the command's usage on the hint row", async () => {
    const bob = await server.user("bobby");
    await bob.do("channel:join", { channel: "#dev" });
    const alice = await loggedIn("alice", "#design", "#dev");
    await waitForFrame(alice.lastFrame, (f) => f.includes("Members 2/2"));
    alice.stdin.write("bo");
    alice.stdin.write(keys.tab);
    await waitForFrame(alice.lastFrame, (f) => f.includes("[#dev] bobby:"));
    alice.stdin.write("see #de");
    alice.stdin.write(keys.tab);
    await waitForFrame(alice.lastFrame, (f) => f.includes("[#design] #dev"));
    alice.stdin.write("\u0015"); // Ctrl+U clears the line
    alice.stdin.write("/ki");
    alice.stdin.write(keys.tab);
    await waitForFrame(alice.lastFrame, (f) => f.includes("/kick nick [#chan] [reason] — Remove a member"));
  });

  it("goes through sent lines with Up, and shows /help with the keys and a parse error in plain words", async () => {
    const alice = await loggedIn("alice", "#dev");
    say(alice.stdin, "first line");
    say(alice.stdin, "/help");
    await waitForFrame(alice.lastFrame, (f) => f.includes("Ctrl+N, Ctrl+P"));
    // Up edits only a line the server has taken (a pending one has no seq yet).
    await waitForState(alice.client, (s) => s.pending.length === 0 && s.activeId !== null);
    // On an empty prompt the first Up starts an edit of the last line; the next ones walk back
    // through what was sent (/help, then first line).
    alice.stdin.write(keys.up);
    await waitForFrame(alice.lastFrame, (f) => f.includes("[#dev] /edit first line"));
    alice.stdin.write(keys.up);
    alice.stdin.write(keys.up);
    await waitForFrame(alice.lastFrame, (f) => /^\[#dev\] first line\s*$/m.test(f));
    alice.stdin.write("\u0015"); // Ctrl+U clears the line
    say(alice.stdin, "/join nohash");
    await waitForFrame(alice.lastFrame, (f) => f.includes("-!- ") && /#/.test(f.split("-!- ").at(-1) ?? ""));
  });

  it("switches windows with Alt+number and Ctrl+N, with unread counts and a bell on mention and on alerts", async () => {
    const bob = await server.admin("bob");
    await bob.do("channel:join", { channel: "#ops" });
    const alice = await loggedIn("alice", "#dev", "#ops");
    await waitForFrame(alice.lastFrame, (f) => f.includes("[2:#ops]"));
    alice.stdin.write(keys.alt("1"));
    await waitForFrame(alice.lastFrame, (f) => f.includes("[1:#dev]"));

    await bob.do("message:send", { target: "#ops", text: "alice: are you there?" });
    await bob.do("message:send", { target: "#ops", text: "anyone?" });
    await waitForFrame(alice.lastFrame, (f) => /2!#ops +2/.test(f));
    expect(bells).toBe(1);

    alice.stdin.write(keys.ctrlN);
    const ops = await waitForFrame(alice.lastFrame, (f) => f.includes("[2:#ops]") && f.includes("<bob> anyone?"));
    expect(ops).not.toMatch(/#ops +2/);

    // Bob was made the server's administrator (TestServer.admin).
    await bob.do("server:alert", { text: "Restarting in 5 minutes" });
    await waitForFrame(alice.lastFrame, (f) => f.includes("-!- ALERT bob: Restarting in 5 minutes"));
    expect(bells).toBe(2);
  });

  it("pages back with PageUp, fetching older history until the beginning, and returns with PageDown", async () => {
    const bob = await server.user("bob");
    await bob.do("channel:join", { channel: "#dev" });
    for (let i = 1; i <= 80; i++) await bob.do("message:send", { target: "#dev", text: `history ${i}` });
    const alice = await loggedIn("alice", "#dev");
    const latest = await waitForFrame(
      alice.lastFrame,
      (f) => f.includes("alice joined #dev") && f.includes("history 80"),
    );
    expect(latest).not.toMatch(/<bob> history 1\s/);

    for (let i = 0; i < 12 && !(alice.lastFrame() ?? "").includes("Beginning of #dev"); i++) {
      const before = alice.lastFrame();
      alice.stdin.write(keys.pageUp);
      await waitForFrame(alice.lastFrame, (f) => f !== before, 3_000).catch(() => "");
    }
    const top = await waitForFrame(alice.lastFrame, (f) => f.includes("Beginning of #dev"));
    expect(top).toMatch(/<bob> history 1\s/);
    expect(top).toContain("[more below: PageDown]");
    // A new line arriving below does not move what is being read.
    const framesBefore = alice.frames.length;
    await bob.do("message:send", { target: "#dev", text: "meanwhile, a new line" });
    await waitForState(alice.client, (s) =>
      Object.values(s.channels).some((c) => c.messages.some((m) => m.text === "meanwhile, a new line")),
    );
    await waitForFrame(
      () => String(alice.frames.length),
      (n) => Number(n) > framesBefore,
    );
    expect(plain(alice.lastFrame())).toContain("Beginning of #dev");
    expect(plain(alice.lastFrame())).toMatch(/<bob> history 1\s/);

    for (let i = 0; i < 12 && (alice.lastFrame() ?? "").includes("more below"); i++) alice.stdin.write(keys.pageDown);
    await waitForFrame(alice.lastFrame, (f) => f.includes("meanwhile, a new line") && !f.includes("more below"));
  });

  it("adapts the layout when the terminal is resized", async () => {
    const alice = await loggedIn("alice", "#dev");
    await waitForFrame(alice.lastFrame, (f) => f.includes("Members 1/1"));
    resize(alice.stdout, 80, 24);
    const narrow = await waitForFrame(alice.lastFrame, (f) => !f.includes("Members"));
    expect(narrow.split("\n")).toHaveLength(24);
    alice.stdin.write(keys.alt("m"));
    await waitForFrame(alice.lastFrame, (f) => f.includes("Members 1/1"));
    resize(alice.stdout, 50, 15);
    const tiny = await waitForFrame(alice.lastFrame, (f) => !f.includes("Windows"));
    expect(tiny.split("\n")).toHaveLength(15);
  });

  it("logs in by itself with a saved token, and /logout returns to the prompt and forgets it", async () => {
    const tokens = memoryTokenStore();
    const first = new ChatClient({ url: server.url, tokens });
    clients.push(first);
    await waitForState(first, (s) => s.status === "online");
    await first.register("alice", "long password 1");
    first.close();

    const alice = start(tokens);
    await waitForFrame(alice.lastFrame, (f) => f.includes("[alice]"));
    say(alice.stdin, "/logout");
    await waitForFrame(alice.lastFrame, (f) => f.includes("Tab switches"));
    expect(tokens.load()).toBeNull();
  });
});
