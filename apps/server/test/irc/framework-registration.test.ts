import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Client } from "irc-framework";
import { afterEach, describe, expect, it } from "vitest";
import { TestServer } from "../harness";
import { frameworkClient, nextEvent } from "./framework-helpers";

// Registration, ISUPPORT and capabilities as a real IRC client library (irc-framework) sees them.

const servers: TestServer[] = [];
const clients: Client[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.connection.end();
  for (const server of servers.splice(0)) await server.dispose();
});

async function started(env: Record<string, string> = {}): Promise<TestServer> {
  const server = await new TestServer(env).start();
  servers.push(server);
  return server;
}

const PASSWORD = "correct horse battery";

async function connected(...args: Parameters<typeof frameworkClient>): Promise<Client> {
  const client = await frameworkClient(...args);
  clients.push(client);
  return client;
}

describe("IRC registration with irc-framework", () => {
  it("logs in with SASL PLAIN, negotiates the IRCv3 capabilities and reads CanaDuck's limits in ISUPPORT", async () => {
    const server = await started();
    const alice = await server.user("alice");
    await alice.do("channel:join", { channel: "#dev" });
    const client = new (await import("irc-framework")).Client();
    clients.push(client);
    client.requestCap(["echo-message", "labeled-response", "draft/chathistory"]);
    const loggedIn = nextEvent(client, "loggedin");
    const joined = nextEvent(client, "join", (e) => e.channel === "#dev");
    const registered = nextEvent(client, "registered");
    client.connect({
      host: "127.0.0.1",
      port: server.ircPort,
      nick: "somebody",
      account: { account: "alice", password: PASSWORD },
      auto_reconnect: false,
    });
    expect((await loggedIn).account).toBe("alice");
    await registered;
    await joined;
    expect(client.user.nick).toBe("alice");
    for (const cap of [
      "server-time",
      "message-tags",
      "batch",
      "account-tag",
      "away-notify",
      "multi-prefix",
      "userhost-in-names",
      "echo-message",
      "labeled-response",
      "draft/chathistory",
    ])
      expect(client.network.cap.isEnabled(cap), cap).toBe(true);
    expect(client.network.supports("CHANTYPES")).toEqual(["#"]);
    expect(client.network.supports("NICKLEN")).toBe("24");
    expect(client.network.supports("CHANNELLEN")).toBe("33");
    expect(client.network.supports("TOPICLEN")).toBe("300");
    expect(client.network.supports("CASEMAPPING")).toBe("ascii");
    expect(client.network.supports("LINELEN")).toBe("512");
  });

  it("logs in with PASS account:password", async () => {
    const server = await started();
    const bob = await server.user("bob");
    await bob.do("channel:join", { channel: "#ops" });
    const client = new (await import("irc-framework")).Client();
    clients.push(client);
    const joined = nextEvent(client, "join", (e) => e.channel === "#ops");
    client.connect({
      host: "127.0.0.1",
      port: server.ircPort,
      nick: "whoever",
      password: `bob:${PASSWORD}`,
      auto_reconnect: false,
    });
    await joined;
    expect(client.user.nick).toBe("bob");
  });

  it("refuses an unauthenticated client with a NOTICE, then registers and identifies through NickServ", async () => {
    const server = await started();
    const client = await connected(server.ircPort, { nick: "carol" });
    const told = nextEvent(client, "notice", (e) => /not logged in/.test(e.message));
    client.join("#dev");
    expect((await told).message).toMatch(/NickServ IDENTIFY/);

    const registered = nextEvent(client, "notice", (e) => e.nick === "NickServ" && /registered/.test(e.message));
    client.say("NickServ", `REGISTER ${PASSWORD}`);
    await registered;
    const joined = nextEvent(client, "join", (e) => e.channel === "#dev");
    client.join("#dev");
    await joined;

    const again = await connected(server.ircPort, { nick: "carol" });
    const joins: string[] = [];
    again.on("join", (e) => joins.push(`${e.nick} ${e.channel}`));
    const rejoined = nextEvent(again, "join", (e) => e.channel === "#dev");
    again.say("NickServ", `IDENTIFY ${PASSWORD}`);
    await rejoined;
    // One JOIN per channel on identifying, not two.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(joins).toEqual(["carol #dev"]);
  });

  it("serves the same gateway over TLS with a certificate from the configuration", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "canaduck-irc-tls-"));
    const [key, cert] = [path.join(dir, "key.pem"), path.join(dir, "cert.pem")];
    execFileSync(
      "openssl",
      ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert].concat([
        "-days",
        "1",
        "-subj",
        "/CN=127.0.0.1",
      ]),
      { stdio: "ignore" },
    );
    const server = await started({ IRC_TLS_PORT: "0", IRC_TLS_CERT: cert, IRC_TLS_KEY: key });
    await server.user("dave");
    const client = await connected(server.ircTlsPort, {
      nick: "dave",
      tls: true,
      rejectUnauthorized: false,
      account: { account: "dave", password: PASSWORD },
    });
    expect(client.network.cap.isEnabled("sasl")).toBe(true);
    const joined = nextEvent(client, "join", (e) => e.channel === "#secure");
    client.join("#secure");
    await joined;
  });
});
