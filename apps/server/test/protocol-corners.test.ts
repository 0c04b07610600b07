import { request } from "node:http";
import type { Message } from "@canaduck/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, record, TestServer, type ChatClient } from "./harness";

/** The HTTP status of a WebSocket upgrade request to the Socket.IO endpoint, sent with `origin`. */
function upgradeStatus(url: string, origin: string): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/socket.io/?EIO=4&transport=websocket`, {
      headers: {
        Connection: "Upgrade",
        Upgrade: "websocket",
        Origin: origin,
        "Sec-WebSocket-Version": "13",
        "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
      },
    });
    req.once("response", (res) => {
      resolve(res.statusCode);
      res.resume();
    });
    req.once("upgrade", (_res, socket) => {
      socket.destroy();
      resolve(101);
    });
    req.once("error", reject);
    req.end();
  });
}

/**
 * The corners of docs/protocol.md a client cannot guess, each as the server really behaves,
 * so the document stays true: when one of these fails, fix the code or the document, together.
 */
describe("the protocol's corners, as documented", () => {
  let server: TestServer;
  let alice: ChatClient;
  let bob: ChatClient;
  let carol: ChatClient;
  beforeAll(async () => {
    server = await new TestServer().start();
    alice = await server.user("alice");
    bob = await server.user("bob");
    carol = await server.user("carol");
  });
  afterAll(() => server.dispose());

  const roles = async (who: ChatClient, channel: string) =>
    Object.fromEntries((await who.do("channel:who", { channel })).members.map((m) => [m.name, m.role]));

  it("refuses a malformed nick with INVALID_PAYLOAD, never INVALID_NICK", async () => {
    const anonymous = await server.connect();
    for (const name of ["1alice", "no spaces", "é", "a".repeat(40)])
      expect(await call(anonymous, "auth:register", { name, password: "long enough" })).toMatchObject({
        ok: false,
        error: { code: "INVALID_PAYLOAD" },
      });
    expect(await alice.send("user:nick", { nick: "#alice" })).toMatchObject({
      ok: false,
      error: { code: "INVALID_PAYLOAD" },
    });
  });

  it("sends the joiner its own join line, after channel:joined", async () => {
    const order: string[] = [];
    const joined = () => order.push("joined");
    const joinLine = (m: Message) => {
      if (m.kind === "join") order.push(`join line of ${m.author?.name ?? "?"}`);
    };
    alice.socket.on("channel:joined", joined);
    alice.socket.on("message:new", joinLine);
    const line = alice.next("message:new", (m) => m.kind === "join");
    await alice.do("channel:join", { channel: "#corner-join" });
    await line;
    expect(order).toEqual(["joined", "join line of alice"]);
    alice.socket.off("channel:joined", joined);
    alice.socket.off("message:new", joinLine);
  });

  it("leaves a channel its owner parted without an owner, and a channel everyone left to its next joiner as operator", async () => {
    await alice.do("channel:join", { channel: "#corner-part" });
    await bob.do("channel:join", { channel: "#corner-part" });
    await alice.do("channel:topic", { channel: "#corner-part", topic: "kept" });
    await alice.do("channel:part", { channel: "#corner-part" });
    expect(await roles(bob, "#corner-part")).toEqual({ bob: "member" });
    // Rejoining does not give ownership back.
    await alice.do("channel:join", { channel: "#corner-part" });
    expect(await roles(bob, "#corner-part")).toEqual({ bob: "member", alice: "member" });
    await alice.do("channel:part", { channel: "#corner-part" });
    await bob.do("channel:part", { channel: "#corner-part" });
    // Empty, the channel stays with its topic and history; whoever joins next may moderate it.
    const listed = (await carol.do("channel:list", {})).channels.find((c) => c.name === "#corner-part");
    expect(listed).toMatchObject({ memberCount: 0, topic: "kept" });
    const { channel } = await carol.do("channel:join", { channel: "#corner-part" });
    expect(channel.topic).toBe("kept");
    expect(await roles(carol, "#corner-part")).toEqual({ carol: "operator" });
  });

  it("accepts an invite to a public channel, which lets its holder in once the channel turns invite-only", async () => {
    await alice.do("channel:join", { channel: "#corner-invite" });
    const invited = carol.next("channel:invited");
    expect(await alice.do("channel:invite", { channel: "#corner-invite", nick: "carol" })).toEqual({});
    expect(await invited).toEqual({ channel: "#corner-invite", by: "alice" });
    await alice.do("channel:mode", { channel: "#corner-invite", inviteOnly: true });
    expect(await bob.send("channel:join", { channel: "#corner-invite" })).toMatchObject({
      ok: false,
      error: { code: "INVITE_ONLY" },
    });
    expect((await carol.send("channel:join", { channel: "#corner-invite" })).ok).toBe(true);
    expect(await alice.send("channel:invite", { channel: "#corner-invite", nick: "carol" })).toMatchObject({
      ok: false,
      error: { code: "ALREADY_A_MEMBER" },
    });
  });

  it("bans a non-member, with a ban line, and a second ban replaces the first's expiry", async () => {
    await alice.do("channel:join", { channel: "#corner-ban" });
    const lines = record(alice.socket, "message:new");
    const first = await alice.do("channel:ban", { channel: "#corner-ban", nick: "bob", durationSeconds: 60 });
    expect(first.expiresAt).not.toBeNull();
    expect(await bob.send("channel:join", { channel: "#corner-ban" })).toMatchObject({
      ok: false,
      error: { code: "BANNED" },
    });
    // Banned again, for good: the new ban replaces the old one, with its own line.
    expect(await alice.do("channel:ban", { channel: "#corner-ban", nick: "bob" })).toEqual({ expiresAt: null });
    await alice.do("session:state", {});
    expect(lines.filter((m) => m.kind === "ban").map((m) => m.meta.expiresAt === null)).toEqual([false, true]);
  });

  it("answers a reused clientId with the line stored the first time, whatever its text or conversation, sending nothing", async () => {
    await alice.do("channel:join", { channel: "#corner-id" });
    await bob.do("channel:join", { channel: "#corner-id" });
    await alice.do("channel:join", { channel: "#corner-id2" });
    const firstHeard = bob.next("message:new", (m) => m.text === "first");
    const { message } = await alice.do("message:send", { target: "#corner-id", text: "first", clientId: "c-1" });
    await firstHeard;
    const heard = record(bob.socket, "message:new");
    const again = await alice.do("message:send", { target: "#corner-id", text: "different", clientId: "c-1" });
    expect(again.message).toMatchObject({ id: message.id, text: "first", seq: message.seq });
    const elsewhere = await alice.do("message:send", { target: "#corner-id2", text: "elsewhere", clientId: "c-1" });
    expect(elsewhere.message).toMatchObject({ id: message.id, channelId: message.channelId, text: "first" });
    const direct = await alice.do("message:send", { target: "carol", text: "psst", clientId: "c-1" });
    expect(direct.message.id).toBe(message.id);
    // Nothing new was said: a fresh line after them is the next seq.
    const next = await alice.do("message:send", { target: "#corner-id", text: "next" });
    expect(next.message.seq).toBe(message.seq + 1);
    await bob.next("message:new", (m) => m.text === "next");
    expect(heard.map((m) => m.text)).toEqual(["next"]);
    expect((await alice.do("history:read", { target: "#corner-id2" })).messages.map((m) => m.kind)).toEqual(["join"]);
  });

  it("refuses an operator deopping another operator; the owner may, and anyone may step down", async () => {
    await alice.do("channel:join", { channel: "#corner-deop" });
    await bob.do("channel:join", { channel: "#corner-deop" });
    await carol.do("channel:join", { channel: "#corner-deop" });
    await alice.do("channel:op", { channel: "#corner-deop", nick: "bob" });
    await alice.do("channel:op", { channel: "#corner-deop", nick: "carol" });
    expect(await bob.send("channel:deop", { channel: "#corner-deop", nick: "carol" })).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });
    expect((await carol.do("channel:deop", { channel: "#corner-deop", nick: "carol" })).member.role).toBe("member");
    expect((await alice.do("channel:deop", { channel: "#corner-deop", nick: "bob" })).member.role).toBe("member");
  });

  it("sends typing:changed to everyone in the conversation, the typist included", async () => {
    await alice.do("channel:join", { channel: "#corner-typing" });
    await bob.do("channel:join", { channel: "#corner-typing" });
    const own = alice.next("typing:changed");
    const others = bob.next("typing:changed");
    await alice.do("typing:set", { target: "#corner-typing", typing: true });
    expect(await own).toMatchObject({ user: { name: "alice" }, typing: true });
    expect(await others).toMatchObject({ user: { name: "alice" }, typing: true });
  });

  it("refuses a WebSocket handshake from a foreign Origin with HTTP 400 (a polling one with 403)", async () => {
    expect(await upgradeStatus(server.url, "https://evil.example")).toBe(400);
    const poll = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`, {
      headers: { Origin: "https://evil.example" },
    });
    expect(poll.status).toBe(403);
    expect(await upgradeStatus(server.url, new URL(server.url).origin)).toBe(101);
  });
});
