import type { ClientToServerEvents, ServerToClientEvents } from "@canaduck/contract";
import type { Socket } from "socket.io-client";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { closeFleet, dropConnection, joinAll, registerFleet, until, type FleetMember } from "../src/chat-fleet";
import { Cluster } from "../src/cluster/cluster";
import { IrcConnection } from "../src/irc/irc-connection";
import { checkConsistency, noViolations } from "../src/consistency";
import { newPublishLog, publish } from "../src/publisher";
import { emitRaw, rawSocket, registerRaw } from "../src/raw-socket";
import { sleep } from "../src/stats";

const texts = (m: FleetMember, channel: string) =>
  Object.values(m.client.getState().channels)
    .find((c) => c.target.toLowerCase() === channel.toLowerCase())
    ?.messages.filter((x) => x.kind === "text")
    .map((x) => x.text) ?? [];

describe("two nodes on PostgreSQL and Redis", () => {
  let cluster: Cluster;
  const fleets: FleetMember[][] = [];
  beforeEach(async () => {
    cluster = await Cluster.start(2);
  });
  afterEach(async () => {
    for (const fleet of fleets.splice(0)) closeFleet(fleet);
    await cluster.dispose();
  });

  it("lets users on different nodes chat in a channel and by direct message", async () => {
    const [ann] = await registerFleet(cluster.node(0).url, "ann", 1);
    const [bob] = await registerFleet(cluster.node(1).url, "bob", 1);
    if (!ann || !bob) throw new Error("fleet");
    fleets.push([ann, bob]);
    await joinAll([ann, bob], ["#both"]);
    await ann.client.sendMessage("#both", "hello from node A");
    await until(bob.client, () => texts(bob, "#both").includes("hello from node A"));
    await bob.client.sendMessage("#both", "hello from node B");
    await until(ann.client, () => texts(ann, "#both").includes("hello from node B"));
    await ann.client.sendMessage("bob0", "a private word");
    await until(bob.client, () => texts(bob, "ann0").includes("a private word"));
  });

  it("streams to an SSE consumer on node B the lines posted on node A", async () => {
    const [ann] = await registerFleet(cluster.node(0).url, "ann", 1);
    const [bob] = await registerFleet(cluster.node(1).url, "bob", 1);
    if (!ann || !bob) throw new Error("fleet");
    fleets.push([ann, bob]);
    await joinAll([ann, bob], ["#both"]);
    // An integration logged in as bob over HTTP on node B, reading GET /api/v1/events there.
    const login = await fetch(`${cluster.node(1).url}/api/v1/sessions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "bob0", password: "bench password" }),
    });
    const { token } = (await login.json()) as { token: string };
    const abort = new AbortController();
    const events = await fetch(`${cluster.node(1).url}/api/v1/events`, {
      headers: { authorization: `Bearer ${token}` },
      signal: abort.signal,
    });
    expect(events.status).toBe(200);
    let received = "";
    const reading = (async () => {
      const decoder = new TextDecoder();
      try {
        for await (const chunk of events.body ?? []) received += decoder.decode(chunk, { stream: true });
      } catch {
        // aborted below
      }
    })();
    const deadline = Date.now() + 20_000;
    while (!received.includes("event: stream:ready") && Date.now() < deadline) await sleep(50);
    await ann.client.sendMessage("#both", "from node A to a stream on node B");
    while (!received.includes("from node A to a stream on node B") && Date.now() < deadline) await sleep(50);
    abort.abort();
    await reading;
    expect(received).toMatch(/event: message:new\ndata: \{[^\n]*"text":"from node A to a stream on node B"/);
  });

  it("lets an IRC client on node B and a web client on node A chat in a channel, both ways", async () => {
    const [ann] = await registerFleet(cluster.node(0).url, "ann", 1);
    const [bob] = await registerFleet(cluster.node(0).url, "ircbob", 1);
    if (!ann || !bob) throw new Error("fleet");
    bob.client.close(); // bob only ever speaks IRC from here on
    fleets.push([ann]);
    await joinAll([ann], ["#mixed"]);
    const irc = await IrcConnection.open(cluster.node(1).ircPort, { nick: bob.name, password: "bench password" });
    try {
      const heard: string[] = [];
      irc.onPrivmsg = (text) => heard.push(text);
      await irc.join("#mixed");
      await ann.client.sendMessage("#mixed", "from the web on node A");
      for (let i = 0; i < 200 && !heard.includes("from the web on node A"); i++) await sleep(50);
      irc.send("PRIVMSG #mixed :from IRC on node B\r\n");
      await until(ann.client, () => texts(ann, "#mixed").includes("from IRC on node B"));
      await sleep(500); // a second copy would have arrived by now
      expect(heard.filter((t) => t === "from the web on node A")).toHaveLength(1);
      expect(texts(ann, "#mixed").filter((t) => t === "from IRC on node B")).toHaveLength(1);
    } finally {
      irc.close();
    }
  });

  it("removes a member connected to node B at once when an operator on node A kicks them", async () => {
    const [owner] = await registerFleet(cluster.node(0).url, "owner", 1);
    const [bob, carl] = await registerFleet(cluster.node(1).url, "bob", 2);
    if (!owner || !bob || !carl) throw new Error("fleet");
    fleets.push([owner, bob, carl]);
    await joinAll([owner, bob, carl], ["#mod"]);
    // Bob's client forgets the channel once kicked, so what reaches bob is read off his socket.
    const reachedBob: string[] = [];
    (bob.client as unknown as { socket: Socket<ServerToClientEvents, ClientToServerEvents> }).socket.on(
      "message:new",
      (m) => reachedBob.push(m.text),
    );
    const kicked = await owner.client.request("channel:kick", { channel: "#mod", nick: "bob0", reason: "test" });
    expect(kicked.ok).toBe(true);
    await until(bob.client, (s) => !Object.values(s.channels).some((c) => c.target === "#mod"));
    await owner.client.sendMessage("#mod", "after the kick");
    // Carl, on bob's node, hears the line: it has been delivered there by then.
    await until(carl.client, () => texts(carl, "#mod").includes("after the kick"));
    await owner.client.sendMessage("bob0", "a private word");
    await until(bob.client, () => texts(bob, "owner0").includes("a private word"));
    expect(reachedBob).not.toContain("after the kick");
    expect(reachedBob).toContain("a private word");
  });

  it("tells a user on node A, in a few lists, that a crowd on node B came back", async () => {
    const ann = await rawSocket(cluster.node(0).url, await registerRaw(cluster.node(0).url, "ann"));
    await emitRaw(ann, "channel:join", { channel: "#crowd" });
    const tokens = await Promise.all(
      Array.from({ length: 12 }, (_, i) => registerRaw(cluster.node(1).url, `crowd${i}`)),
    );
    for (const token of tokens) {
      const socket = await rawSocket(cluster.node(1).url, token);
      await emitRaw(socket, "channel:join", { channel: "#crowd" });
      socket.disconnect();
    }
    await sleep(1_000); // past the node's presence window (12 changes: not a busy one)
    const heard: Array<{ changes: Array<{ user: { name: string }; online: boolean }> }> = [];
    ann.on("presence:changes", (batch: (typeof heard)[number]) => heard.push(batch));
    const crowd = await Promise.all(tokens.map((token) => rawSocket(cluster.node(1).url, token)));
    const online = () => new Set(heard.flatMap((b) => b.changes.filter((c) => c.online).map((c) => c.user.name)));
    const deadline = Date.now() + 10_000;
    while (online().size < tokens.length && Date.now() < deadline) await sleep(50);
    expect(online().size).toBe(tokens.length);
    // One event per member coming back would be 12: node B gathers them, and Redis carries the lists.
    expect(heard.length).toBeLessThanOrEqual(4);
    for (const socket of [ann, ...crowd]) socket.disconnect();
  });

  it("keeps every message when a node is killed under load and its clients move to the other", async () => {
    const publishers = await registerFleet(cluster.url, "pub", 2);
    const receivers = await registerFleet(cluster.url, "rcv", 4);
    fleets.push([...publishers, ...receivers]);
    await joinAll([...publishers, ...receivers], ["#ha"]);
    const log = newPublishLog();
    const runs = publishers.map((p) => publish(p, ["#ha"], 20, 1_000_000, log));
    await sleep(1_500);
    await cluster.node(0).stop("SIGKILL");
    await sleep(2_500);
    for (const run of runs) run.stop();
    await Promise.all(runs.map((r) => r.done));
    const result = await checkConsistency(cluster.databaseUrl, ["#ha"], publishers, receivers, log);
    expect(log.acked.size).toBe(log.sent.length);
    expect(result.stored).toBe(log.sent.length);
    expect(result).toMatchObject(noViolations);
  });

  it("resumes delivery after Redis restarts under load, with nothing lost after catch-up", async () => {
    const publishers = await registerFleet(cluster.node(0).url, "pub", 2);
    const receivers = await registerFleet(cluster.node(1).url, "rcv", 3);
    fleets.push([...publishers, ...receivers]);
    await joinAll([...publishers, ...receivers], ["#redis"]);
    const log = newPublishLog();
    const runs = publishers.map((p) => publish(p, ["#redis"], 20, 1_000_000, log));
    await sleep(1_000);
    await cluster.redis.stop();
    await sleep(1_500);
    await cluster.redis.start();
    await sleep(2_500);
    for (const run of runs) run.stop();
    await Promise.all(runs.map((r) => r.done));
    // A last line after Redis is back lets every client notice any gap and fetch it.
    for (const p of publishers) await p.client.sendMessage("#redis", `${p.name} done`);
    log.sent.push(...publishers.map((p) => `${p.name} done`));
    publishers.forEach((p) => log.acked.add(`${p.name} done`));
    for (const r of receivers) dropConnection(r.client); // and a reconnect, which catches up regardless
    const result = await checkConsistency(cluster.databaseUrl, ["#redis"], publishers, receivers, log);
    expect(result.stored).toBe(log.sent.length);
    expect(result).toMatchObject(noViolations);
  });
});
