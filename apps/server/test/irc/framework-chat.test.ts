import { randomUUID } from "node:crypto";
import type { Client } from "irc-framework";
import { afterEach, describe, expect, it } from "vitest";
import { type ChatClient, TestServer } from "../harness";
import { frameworkClient, nextEvent } from "./framework-helpers";

// Chat, moderation, DMs and read markers between irc-framework and Socket.IO clients.

const servers: TestServer[] = [];
const clients: Client[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.connection.end();
  for (const server of servers.splice(0)) await server.dispose();
});

const PASSWORD = "correct horse battery";

/** A web user alice (owner of #dev) and bob, in #dev on the web and on IRC through irc-framework. */
async function setUp(
  caps: string[] = [],
): Promise<{ server: TestServer; alice: ChatClient; bobWeb: ChatClient; bob: Client }> {
  const server = await new TestServer().start();
  servers.push(server);
  const alice = await server.user("alice");
  await alice.do("channel:join", { channel: "#dev" });
  const bobWeb = await server.user("bob");
  await bobWeb.do("channel:join", { channel: "#dev" });
  const bob = await frameworkClient(
    server.ircPort,
    { nick: "bob", account: { account: "bob", password: PASSWORD } },
    caps,
    "#dev",
  );
  clients.push(bob);
  return { server, alice, bobWeb, bob };
}

const say = (who: ChatClient, target: string, text: string) =>
  who.do("message:send", { target, text, clientId: randomUUID() });

describe("IRC chat with irc-framework", () => {
  it("carries channel lines and DMs both ways, with server-time, msgid and account tags", async () => {
    const { alice, bob } = await setUp();
    const fromIrc = alice.next("message:new", (m) => m.text === "hello from irc");
    bob.say("#dev", "hello from irc");
    expect((await fromIrc).author?.name).toBe("bob");

    const line = nextEvent(bob, "privmsg", (e) => e.message === "hello from the web");
    await say(alice, "#dev", "hello from the web");
    const got = await line;
    expect(got.nick).toBe("alice");
    expect(got.target).toBe("#dev");
    expect(Date.parse(got.tags.time ?? "")).not.toBeNaN();
    expect(got.tags.msgid).toMatch(/\.\d+$/);
    expect(got.tags.account).toBe("alice");

    const dm = alice.next("message:new", (m) => m.text === "psst");
    bob.say("alice", "psst");
    await dm;
    const back = nextEvent(bob, "privmsg", (e) => e.message === "psst back");
    await say(alice, "bob", "psst back");
    expect((await back).target).toBe("bob");
  });

  it("shows a topic and a kick from the web on IRC, and a topic and an op set on IRC on the web", async () => {
    const { alice, bob } = await setUp();
    const topic = nextEvent(bob, "topic", (e) => e.topic === "ducks only");
    await alice.do("channel:topic", { channel: "#dev", topic: "ducks only" });
    expect((await topic).nick).toBe("alice");

    // bob, opped on the web, sets the topic and ops nobody else from IRC.
    const opped = nextEvent(bob, "mode", (e) => e.target === "#dev");
    await alice.do("channel:op", { channel: "#dev", nick: "bob" });
    await opped;
    const webTopic = alice.next("channel:updated", (u) => u.channel.topic === "set from irc");
    bob.setTopic("#dev", "set from irc");
    await webTopic;

    const kicked = nextEvent(bob, "kick", (e) => e.kicked === "bob");
    await alice.do("channel:deop", { channel: "#dev", nick: "bob" });
    await alice.do("channel:kick", { channel: "#dev", nick: "bob", reason: "enough" });
    const kick = await kicked;
    expect(kick.nick).toBe("alice");
    expect(kick.message).toBe("enough");
  });

  it("moves the web's read marker when the IRC client sends MARKREAD", async () => {
    const { alice, bobWeb, bob } = await setUp(["draft/read-marker"]);
    const seen = nextEvent(bob, "privmsg", (e) => e.message === "read me");
    await say(alice, "#dev", "read me");
    const line = await seen;
    const marked = bobWeb.next("read:marked", (m) => m.unread === 0);
    bob.raw("MARKREAD", "#dev", `timestamp=${line.tags.time ?? ""}`);
    expect((await marked).unread).toBe(0);
  });

  it("tells an away-notify client who went away, and answers WHOIS", async () => {
    const { alice, bob } = await setUp(["away-notify"]);
    expect(bob.network.cap.isEnabled("away-notify")).toBe(true);
    const away = nextEvent(bob, "away", (e) => e.nick === "alice");
    await alice.do("user:away", { message: "lunch" });
    expect((await away).message).toBe("lunch");
    const whois = await new Promise<Record<string, unknown>>((resolve) => bob.whois("alice", (e) => resolve(e)));
    expect(whois.nick).toBe("alice");
    expect(whois.away).toBe("lunch");
  });
});
