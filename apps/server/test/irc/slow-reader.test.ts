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

describe("an IRC client that stops reading", () => {
  it("is dropped at the queued-bytes bound instead of being buffered without end", async () => {
    // A small bound, so the kernel's socket buffers (hundreds of KiB on loopback, which the
    // server's writes fill before anything queues in the process) are not all the test measures.
    const server = await new TestServer({ RATE_LIMITS: "off", MAX_QUEUED_BYTES_PER_CONNECTION: "65536" }).start();
    servers.push(server);
    const alice = await server.user("alice");
    await alice.do("channel:join", { channel: "#dev" });
    const long = "x".repeat(4000);
    for (let i = 0; i < 100; i++)
      await alice.do("message:send", { target: "#dev", text: long, clientId: randomUUID() });
    // Bob's account, made on the web; that connection goes, so bob is online only through IRC.
    (await server.user("bob")).socket.disconnect();
    const bob = await saslClient(server.ircPort, "bob", undefined, ["draft/chathistory", "batch"]);
    clients.push(bob);
    bob.send("JOIN #dev");
    await bob.expect("366", "bob", "#dev");
    const online = async () =>
      (await alice.do("channel:who", { channel: "#dev" })).members.find((m) => m.name === "bob")?.online;
    expect(await online()).toBe(true);

    // Bob stops reading and asks for far more than any buffer holds: 150 pages of 30 long lines (~20 MB).
    bob.socket.pause();
    for (let i = 0; i < 150; i++) bob.send("CHATHISTORY LATEST #dev * 100");
    await expect.poll(online, { timeout: 10_000 }).toBe(false);

    // Reading again, bob finds the link closed, short of what was asked: nothing waited for him.
    bob.socket.resume();
    await expect.poll(() => bob.closed, { timeout: 10_000 }).toBe(true);
    const received = bob.received.filter((m) => m.command === "PRIVMSG").length;
    expect(received).toBeLessThan(150 * 30 * 9);
    // The server is unharmed: a new link works.
    const again = await saslClient(server.ircPort, "bob");
    clients.push(again);
    again.send("PING :still-here");
    expect((await again.expect("PONG")).params[1]).toBe("still-here");
  }, 60_000);
});
