import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { record, TestServer } from "./harness";

describe("chatting over Socket.IO", () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await new TestServer().start();
  });
  afterEach(() => server.dispose());

  it("two clients chat live in a channel, each seeing the other's lines in order", async () => {
    const alice = await server.user("alice");
    const bob = await server.user("bob");
    const joined = await alice.do("channel:join", { channel: "#dev" });
    expect(joined.channel).toMatchObject({ name: "#dev", role: "owner", memberCount: 1 });
    await bob.do("channel:join", { channel: "#dev" });

    const bobSees = bob.next("message:new", (m) => m.kind === "text");
    const sent = await alice.do("message:send", { target: "#dev", text: "hello bob" });
    const received = await bobSees;
    expect(received).toEqual(sent.message);
    expect(received).toMatchObject({ text: "hello bob", author: { name: "alice" }, kind: "text" });

    const aliceSees = alice.next("message:new", (m) => m.text === "hi alice");
    await bob.do("message:send", { target: "#dev", text: "hi alice" });
    const reply = await aliceSees;
    expect(reply.seq).toBeGreaterThan(received.seq);
    expect(Date.parse(reply.createdAt)).not.toBeNaN();
  });

  it("keeps history across a server restart", async () => {
    const alice = await server.user("alice");
    await alice.do("channel:join", { channel: "#dev" });
    for (const text of ["one", "two", "three"]) await alice.do("message:send", { target: "#dev", text });
    await server.restart();

    const socket = await server.connect({ token: alice.token });
    const { call } = await import("./harness");
    const history = await call(socket, "history:read", { target: "#dev" });
    expect(history.ok && history.data.messages.filter((m) => m.kind === "text").map((m) => m.text)).toEqual([
      "one",
      "two",
      "three",
    ]);
    const state = await call(socket, "session:state", {});
    expect(state.ok && state.data.channels.map((c) => c.name)).toEqual(["#dev"]);
  });

  it("pages back through history with before and limit", async () => {
    const alice = await server.user("alice");
    await alice.do("channel:join", { channel: "#dev" });
    for (let i = 1; i <= 12; i++) await alice.do("message:send", { target: "#dev", text: `line ${i}` });
    const newest = await alice.do("history:read", { target: "#dev", limit: 5 });
    expect(newest.messages.map((m) => m.text)).toEqual(["line 8", "line 9", "line 10", "line 11", "line 12"]);
    expect(newest.hasMore).toBe(true);
    const first = newest.messages[0];
    const older = await alice.do("history:read", { target: "#dev", limit: 5, before: first?.seq ?? 0 });
    expect(older.messages.map((m) => m.text)).toEqual(["line 3", "line 4", "line 5", "line 6", "line 7"]);
    const oldest = await alice.do("history:read", { target: "#dev", limit: 5, before: older.messages[0]?.seq ?? 0 });
    expect(oldest.hasMore).toBe(false);
    expect(oldest.messages.map((m) => m.kind)).toEqual(["join", "text", "text"]);
  });

  it("delivers direct messages to both parties only", async () => {
    const alice = await server.user("alice");
    const bob = await server.user("bob");
    const carol = await server.user("carol");
    const carolSaw = record(carol.socket, "message:new");

    const bobJoined = bob.next("channel:joined");
    const bobGot = bob.next("message:new");
    const sent = await alice.do("message:send", { target: "bob", text: "psst" });
    expect((await bobJoined).channel).toMatchObject({ kind: "direct", peer: { name: "alice" } });
    expect(await bobGot).toEqual(sent.message);

    const reply = alice.next("message:new", (m) => m.text === "yes?");
    await bob.do("message:send", { target: "alice", text: "yes?" });
    expect((await reply).channelId).toBe(sent.message.channelId);

    const history = await bob.do("history:read", { target: "alice" });
    expect(history.messages.map((m) => m.text)).toEqual(["psst", "yes?"]);
    await carol.do("channel:list", {});
    expect(carolSaw).toEqual([]);
  });

  it("returns the original message when a send is retried with the same client id", async () => {
    const alice = await server.user("alice");
    await alice.do("channel:join", { channel: "#dev" });
    const first = await alice.do("message:send", { target: "#dev", text: "once", clientId: "c-1" });
    const retry = await alice.do("message:send", { target: "#dev", text: "once", clientId: "c-1" });
    expect(retry.message.id).toBe(first.message.id);
    const history = await alice.do("history:read", { target: "#dev" });
    expect(history.messages.filter((m) => m.text === "once")).toHaveLength(1);
  });

  it("renames with /nick and tells the people who share a channel", async () => {
    const alice = await server.user("alice");
    const bob = await server.user("bob");
    await alice.do("channel:join", { channel: "#dev" });
    await bob.do("channel:join", { channel: "#dev" });
    const seen = bob.next("user:updated");
    await alice.do("user:nick", { nick: "Alicia" });
    expect(await seen).toMatchObject({ previousName: "alice", user: { name: "Alicia" } });
    const taken = await bob.send("user:nick", { nick: "ALICIA" });
    expect(taken.ok || taken.error.code).toBe("NICK_IN_USE");
  });
});
