import { afterEach, describe, expect, it } from "vitest";
import { TestServer } from "../harness";
import { IrcTestClient, saslClient, saslPlain } from "./irc-test-client";

const servers: TestServer[] = [];
const clients: IrcTestClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  for (const server of servers.splice(0)) await server.dispose();
});

async function started(): Promise<TestServer> {
  const server = await new TestServer().start();
  servers.push(server);
  return server;
}

async function open(server: TestServer): Promise<IrcTestClient> {
  const client = await IrcTestClient.open(server.ircPort);
  clients.push(client);
  return client;
}

describe("IRC registration", () => {
  it("logs in with SASL PLAIN, takes the account's nick and joins its channels", async () => {
    const server = await started();
    const alice = await server.user("alice");
    await alice.do("channel:join", { channel: "#dev" });
    await alice.do("channel:topic", { channel: "#dev", topic: "all about ducks" });
    const irc = await open(server);
    irc.send("CAP LS 302", "NICK somebody", "USER somebody 0 * :Some Body");
    const ls = await irc.expect("CAP", "*", "LS");
    expect(ls.params[2]?.split(" ")).toEqual(
      expect.arrayContaining(["sasl=PLAIN", "server-time", "draft/chathistory"]),
    );
    irc.send("CAP REQ :sasl server-time", "AUTHENTICATE PLAIN");
    await irc.expect("CAP", "somebody", "ACK");
    await irc.expect("AUTHENTICATE", "+");
    irc.send(`AUTHENTICATE ${saslPlain("alice", "correct horse battery")}`);
    expect((await irc.expect("900")).params[2]).toBe("alice");
    await irc.expect("903");
    // Registration waits for CAP END.
    expect((await irc.quietFor(100)).some((m) => m.command === "001")).toBe(false);
    irc.send("CAP END");
    expect((await irc.expect("001")).params[0]).toBe("alice");
    const isupport = (await irc.until((m) => m.command === "376"))
      .filter((m) => m.command === "005")
      .flatMap((m) => m.params);
    expect(isupport).toEqual(
      expect.arrayContaining([
        "CHANTYPES=#",
        "PREFIX=(qo)~@",
        "CASEMAPPING=ascii",
        "NICKLEN=24",
        "CHANNELLEN=33",
        "TOPICLEN=300",
        "LINELEN=512",
      ]),
    );
    const joined = await irc.expect("JOIN", "#dev");
    expect(joined.source).toBe("alice!alice@canaduck");
    expect((await irc.expect("332", "alice", "#dev")).params[2]).toBe("all about ducks");
    expect((await irc.expect("353")).params[3]).toBe("~alice");
  });

  it("refuses a wrong SASL password with 904 and stays unauthenticated", async () => {
    const server = await started();
    await server.user("alice");
    const irc = await open(server);
    irc.send("CAP LS 302", "NICK alice", "USER alice 0 * :A", "CAP REQ :sasl", "AUTHENTICATE PLAIN");
    await irc.expect("AUTHENTICATE", "+");
    irc.send(`AUTHENTICATE ${saslPlain("alice", "not the password")}`);
    await irc.expect("904");
    irc.send("CAP END");
    await irc.expect("001");
    irc.send("JOIN #dev");
    const told = await irc.next((m) => m.command === "NOTICE" && /not logged in/.test(m.params[1] ?? ""));
    expect(told.params[1]).toMatch(/NickServ IDENTIFY/);
    expect((await irc.quietFor(200)).some((m) => m.command === "JOIN")).toBe(false);
  });

  it("logs in with PASS account:password, and a wrong PASS ends the link with 464", async () => {
    const server = await started();
    const bob = await server.user("bob");
    await bob.do("channel:join", { channel: "#ops" });
    const irc = await open(server);
    irc.send("PASS bob:correct horse battery", "NICK whoever", "USER x 0 * :X");
    expect((await irc.expect("001")).params[0]).toBe("bob");
    await irc.expect("JOIN", "#ops");

    const wrong = await open(server);
    wrong.send("PASS bob:wrong password", "NICK bob", "USER x 0 * :X");
    await wrong.expect("464");
    await wrong.expect("ERROR");
  });

  it("registers and identifies through NickServ, then may join and speak", async () => {
    const server = await started();
    const irc = await open(server);
    irc.send("NICK carol", "USER carol 0 * :Carol");
    await irc.expect("001");
    irc.send("PRIVMSG #dev :hello?");
    await irc.next((m) => m.command === "NOTICE" && /not logged in/.test(m.params[1] ?? ""));
    irc.send("PRIVMSG NickServ :REGISTER correct horse battery carol@example.org");
    await irc.next(
      (m) =>
        m.command === "NOTICE" && m.source?.startsWith("NickServ!") === true && /registered/.test(m.params[1] ?? ""),
    );
    irc.send("JOIN #dev");
    await irc.expect("JOIN", "#dev");

    const again = await open(server);
    again.send("NICK carol", "USER carol 0 * :Carol");
    await again.expect("001");
    again.send("PRIVMSG NickServ :IDENTIFY correct horse battery");
    // The account's channels are joined on identifying.
    await again.expect("JOIN", "#dev");
    await again.next((m) => m.command === "NOTICE" && /identified as carol/.test(m.params[1] ?? ""));
  });

  it("takes the account's nick with a NICK line when IDENTIFY names another account", async () => {
    const server = await started();
    await server.user("dave");
    const irc = await open(server);
    irc.send("NICK guest42", "USER g 0 * :G");
    await irc.expect("001");
    irc.send("PRIVMSG NickServ :IDENTIFY dave correct horse battery");
    const renamed = await irc.expect("NICK", "dave");
    expect(renamed.source).toBe("guest42!guest42@canaduck");
  });

  it("answers PING before registration and refuses other commands with 451", async () => {
    const server = await started();
    const irc = await open(server);
    irc.send("PING :abc");
    expect((await irc.expect("PONG")).params[1]).toBe("abc");
    irc.send("JOIN #dev");
    await irc.expect("451");
  });

  it("works for a client logged in with SASL that asked for no other capability", async () => {
    const server = await started();
    await server.user("erin");
    const irc = await saslClient(server.ircPort, "erin");
    clients.push(irc);
    irc.send("JOIN #fresh");
    await irc.expect("JOIN", "#fresh");
  });

  it("logs its session out when the link ends, by QUIT or by a dropped socket", async () => {
    const server = await started();
    const frank = await server.user("frank");
    const sessionCount = async () => (await frank.do("session:list", {})).sessions.length;
    expect(await sessionCount()).toBe(1);

    const quitting = await saslClient(server.ircPort, "frank");
    clients.push(quitting);
    expect(await sessionCount()).toBe(2);
    quitting.send("QUIT :bye");
    await quitting.expect("ERROR");
    await expect.poll(sessionCount).toBe(1);

    const dropping = await saslClient(server.ircPort, "frank");
    expect(await sessionCount()).toBe(2);
    dropping.close();
    await expect.poll(sessionCount).toBe(1);

    // The web's session, which IRC never used, is still there and still works.
    expect((await frank.do("session:list", {})).sessions).toHaveLength(1);
  });
});
