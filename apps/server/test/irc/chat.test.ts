import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { TestServer } from "../harness";
import { type IrcTestClient, saslClient } from "./irc-test-client";

const servers: TestServer[] = [];
const clients: IrcTestClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  for (const server of servers.splice(0)) await server.dispose();
});

const ALL_CAPS = [
  "server-time",
  "message-tags",
  "echo-message",
  "batch",
  "account-tag",
  "draft/chathistory",
  "draft/read-marker",
  "draft/message-redaction",
  "labeled-response",
];

/** A web user alice in #dev, and bob on IRC (with `caps`) in #dev too. */
async function setUp(caps: string[] = []) {
  const server = await new TestServer().start();
  servers.push(server);
  const alice = await server.user("alice");
  await alice.do("channel:join", { channel: "#dev" });
  const bobWeb = await server.user("bob");
  await bobWeb.do("channel:join", { channel: "#dev" });
  const bob = await saslClient(server.ircPort, "bob", undefined, caps);
  clients.push(bob);
  await bob.expect("366", "bob", "#dev");
  return { server, alice, bob };
}

describe("IRC chat through the gateway", () => {
  it("carries lines both ways between a web user and an IRC user, once each", async () => {
    const { alice, bob } = await setUp();
    const seen = alice.next("message:new", (m) => m.text === "hello from irc");
    bob.send("PRIVMSG #dev :hello from irc");
    expect((await seen).author?.name).toBe("bob");
    await alice.do("message:send", { target: "#dev", text: "hello from the web", clientId: randomUUID() });
    const line = await bob.expect("PRIVMSG", "#dev", "hello from the web");
    expect(line.source).toBe("alice!alice@canaduck");
    // Without echo-message, bob's own line is not sent back to him.
    expect((await bob.quietFor(200)).some((m) => m.params[1] === "hello from irc")).toBe(false);
  });

  it("echoes with msgid, server-time and account tags, and answers a label", async () => {
    const { bob } = await setUp(ALL_CAPS);
    bob.send("@label=abc PRIVMSG #dev :tagged");
    const echo = await bob.expect("PRIVMSG", "#dev", "tagged");
    expect(echo.tags).toMatchObject({ label: "abc", account: "bob" });
    expect(typeof echo.tags.msgid).toBe("string");
    expect(Number.isNaN(Date.parse(String(echo.tags.time)))).toBe(false);
  });

  it("gives each IRC client of a channel the tags it asked for, however many share one line", async () => {
    const { server, alice, bob } = await setUp(ALL_CAPS);
    (await server.user("carol")).socket.disconnect();
    (await server.user("dave")).socket.disconnect();
    const carol = await saslClient(server.ircPort, "carol"); // no capabilities: no tags at all
    const dave = await saslClient(server.ircPort, "dave", undefined, ["server-time"]);
    clients.push(carol, dave);
    for (const client of [carol, dave]) {
      client.send("JOIN #dev");
      await client.expect("366", client === carol ? "carol" : "dave", "#dev");
    }
    await alice.do("message:send", { target: "#dev", text: "one line, three forms", clientId: randomUUID() });
    const [full, plain, timed] = await Promise.all(
      [bob, carol, dave].map((c) => c.expect("PRIVMSG", "#dev", "one line, three forms")),
    );
    expect(full?.tags).toMatchObject({ account: "alice" });
    expect(typeof full?.tags.msgid).toBe("string");
    expect(plain?.tags).toEqual({});
    expect(Object.keys(timed?.tags ?? {})).toEqual(["time"]);
    expect(timed?.tags.time).toBe(full?.tags.time);
  });

  it("turns /me into ACTION, refuses other CTCP, and strips formatting", async () => {
    const { alice, bob } = await setUp();
    const action = alice.next("message:new", (m) => m.kind === "action");
    bob.send("PRIVMSG #dev :\u0001ACTION waves\u0001");
    expect((await action).text).toBe("waves");
    bob.send("PRIVMSG #dev :\u0001DCC SEND x\u0001");
    await bob.next((m) => m.command === "NOTICE" && /CTCP DCC is not supported/.test(m.params[1] ?? ""));
    const bold = alice.next("message:new", (m) => m.text === "bold words");
    bob.send("PRIVMSG #dev :\u0002bold\u0002 words");
    await bold;
  });

  it("sends a DM to a nick as a direct conversation, and the web's DMs reach IRC", async () => {
    const { alice, bob } = await setUp();
    const dm = alice.next("message:new", (m) => m.text === "psst");
    bob.send("PRIVMSG alice :psst");
    await dm;
    await alice.do("message:send", { target: "bob", text: "psst back", clientId: randomUUID() });
    const line = await bob.expect("PRIVMSG", "bob", "psst back");
    expect(line.source).toBe("alice!alice@canaduck");
  });

  it("lets an IRC operator kick a web user, and shows a web kick on IRC", async () => {
    const server = await new TestServer().start();
    servers.push(server);
    const owner = await saslClientFor(server, "olive");
    owner.send("JOIN #mod");
    await owner.expect("366", "olive", "#mod");
    const alice = await server.user("alice");
    await alice.do("channel:join", { channel: "#mod" });
    await owner.expect("JOIN", "#mod");
    const left = alice.next("channel:left");
    owner.send("KICK #mod alice :behave");
    expect(await left).toMatchObject({ reason: "kick", message: "behave" });
    const kick = await owner.expect("KICK", "#mod", "alice");
    expect(kick.params[2]).toBe("behave");
    owner.send("MODE #mod +i");
    await owner.expect("MODE", "#mod", "+i");
    owner.send("KICK #nope alice");
    await owner.next((m) => ["403", "442", "441"].includes(m.command));
  });

  it("bans and unbans by nick or nick!*@* and lists the bans with 367/368, for operators only", async () => {
    const server = await new TestServer().start();
    servers.push(server);
    const owner = await saslClientFor(server, "olive");
    owner.send("JOIN #mod");
    await owner.expect("366", "olive", "#mod");
    const alice = await server.user("alice");
    await alice.do("channel:join", { channel: "#mod" });
    await server.user("mallory");
    owner.send("MODE #mod +b alice");
    const left = await alice.next("channel:left");
    expect(left).toMatchObject({ reason: "ban" });
    owner.send("MODE #mod +b mallory!*@*");
    await owner.expect("MODE", "#mod", "+b", "mallory!*@*");
    const listed = async (query: string) => {
      owner.send(`MODE #mod ${query}`);
      return (await owner.until((m) => m.command === "368"))
        .filter((m) => m.command === "367")
        .map((m) => m.params.slice(1, 4));
    };
    expect(await listed("b")).toEqual([
      ["#mod", "mallory!*@*", "olive"],
      ["#mod", "alice!*@*", "olive"],
    ]);
    owner.send("MODE #mod -b alice!*@*");
    await owner.expect("MODE", "#mod", "-b");
    expect(await listed("+b")).toEqual([["#mod", "mallory!*@*", "olive"]]);
    // irssi asks for these on join: empty lists, not "unknown mode".
    owner.send("MODE #mod e", "MODE #mod I", "MODE olive +i");
    await owner.expect("349", "olive", "#mod");
    await owner.expect("347", "olive", "#mod");
    expect((await owner.quietFor(200)).filter((m) => m.command === "501")).toEqual([]);
    // A plain member may not read the list.
    const member = await saslClientFor(server, "alice");
    member.send("JOIN #mod");
    await member.expect("366", "alice", "#mod");
    member.send("MODE #mod b");
    await member.expect("482", "alice", "#mod");
  });

  it("replays recent lines on JOIN without chathistory, and serves CHATHISTORY with it", async () => {
    const server = await new TestServer().start();
    servers.push(server);
    const alice = await server.user("alice");
    await alice.do("channel:join", { channel: "#dev" });
    for (const text of ["one", "two", "three"])
      await alice.do("message:send", { target: "#dev", text, clientId: randomUUID() });
    await server.user("bob");
    const plain = await saslClientFor(server, "bob", ["batch", "server-time"]);
    plain.send("JOIN #dev");
    const batch = await plain.expect("BATCH");
    expect(batch.params.slice(1)).toEqual(["chathistory", "#dev"]);
    const replayed = (await plain.until((m) => m.command === "BATCH" && m.params[0]?.startsWith("-") === true))
      .filter((m) => m.command === "PRIVMSG")
      .map((m) => m.params[1]);
    expect(replayed).toEqual(["one", "two", "three"]);

    const modern = await saslClientFor(server, "bob", ALL_CAPS);
    await modern.expect("366", "bob", "#dev");
    // The newest three entries: two lines and bob's join.
    modern.send("CHATHISTORY LATEST #dev * 3");
    await modern.expect("BATCH");
    const latest = (await modern.until((m) => m.command === "BATCH" && m.params[0]?.startsWith("-") === true))
      .filter((m) => m.command === "PRIVMSG")
      .map((m) => m.params[1]);
    expect(latest).toEqual(["two", "three"]);
  });

  it("moves the web's read marker on MARKREAD, and a REDACT deletes for the web", async () => {
    const { alice, bob } = await setUp(ALL_CAPS);
    await alice.do("message:send", { target: "#dev", text: "read me", clientId: randomUUID() });
    const line = await bob.expect("PRIVMSG", "#dev", "read me");
    bob.send(`MARKREAD #dev timestamp=${String(line.tags.time)}`);
    const told = await bob.expect("MARKREAD", "#dev");
    expect(told.params[1]).toBe(`timestamp=${String(line.tags.time)}`);
    bob.send("PRIVMSG #dev :oops");
    const mine = await bob.expect("PRIVMSG", "#dev", "oops");
    const deleted = alice.next("message:new", (m) => m.kind === "delete");
    bob.send(`REDACT #dev ${String(mine.tags.msgid)}`);
    await deleted;
    await bob.expect("REDACT", "#dev", String(mine.tags.msgid));
  });

  it("answers bad input with numerics and stores nothing of it", async () => {
    const { alice, bob } = await setUp();
    bob.send(`PRIVMSG #dev :${"x".repeat(600)}`);
    await bob.expect("417");
    bob.send("FROB #dev");
    await bob.expect("421", "bob", "FROB");
    bob.send("PRIVMSG #a,#b,#c,#d,#e :hi");
    await bob.expect("407");
    bob.socket.write(
      Buffer.from([
        0x50, 0x52, 0x49, 0x56, 0x4d, 0x53, 0x47, 0x20, 0x23, 0x64, 0x65, 0x76, 0x20, 0x3a, 0xff, 0xfe, 0x0d, 0x0a,
      ]),
    );
    await bob.expect("421");
    bob.send("JOIN #dev key");
    await bob.expect("475", "bob", "#dev");
    const page = await alice.do("history:read", { target: "#dev" });
    expect(page.messages.filter((m) => m.kind === "text")).toEqual([]);
  });
});

async function saslClientFor(server: TestServer, name: string, caps: string[] = []): Promise<IrcTestClient> {
  const exists = await server.user(name).catch(() => null);
  exists?.socket.disconnect();
  const client = await saslClient(server.ircPort, name, undefined, caps);
  clients.push(client);
  return client;
}
