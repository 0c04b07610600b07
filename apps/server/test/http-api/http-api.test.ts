import type { Message } from "@canaduck/contract";
import { afterEach, describe, expect, it } from "vitest";
import { TestServer } from "../harness";
import { apiClient, codeOf } from "./http-client";

type Line = { message: Message };
type Page = { messages: Message[]; hasMore: boolean };

/** /api/v1 over real HTTP against a real server and database, with Socket.IO clients alongside. */
describe("HTTP API", () => {
  let server: TestServer | undefined;
  afterEach(() => server?.dispose());

  const loggedIn = async (s: TestServer, name: string) => {
    const grant = await apiClient(s.url).post("/sessions", { name, password: "correct horse battery" });
    expect(grant.status).toBe(201);
    return apiClient(s.url, (grant.body as { token: string }).token);
  };

  it("logs in with the socket account's password, and the token works on both transports", async () => {
    server = await new TestServer().start();
    await server.user("alice");
    const wrong = await apiClient(server.url).post("/sessions", { name: "alice", password: "not the password" });
    expect([wrong.status, codeOf(wrong)]).toEqual([401, "INVALID_CREDENTIALS"]);
    const grant = await apiClient(server.url).post("/sessions", { name: "alice", password: "correct horse battery" });
    const { token, user } = grant.body as { token: string; user: { name: string } };
    expect(user.name).toBe("alice");
    const me = await apiClient(server.url, token).get("/me");
    expect(me.status).toBe(200);
    expect((me.body as { user: { name: string } }).user.name).toBe("alice");
    // The same token opens a socket: one session, two transports.
    const socket = await server.connect({ token });
    expect(socket.connected).toBe(true);
  });

  it("delivers a line posted over HTTP to Socket.IO clients live, and the poster reads it back", async () => {
    server = await new TestServer().start();
    const bob = await server.user("bob");
    await server.user("alice");
    const alice = await loggedIn(server, "alice");
    expect((await alice.put("/channels/dev/membership")).status).toBe(200);
    await bob.do("channel:join", { channel: "#dev" });
    const heard = bob.next("message:new", (m) => m.text === "hello from curl");
    const posted = await alice.post("/channels/dev/messages", { text: "hello from curl" });
    expect(posted.status).toBe(201);
    const line = (posted.body as Line).message;
    expect(line.author?.name).toBe("alice");
    expect((await heard).seq).toBe(line.seq);
    // Bob answers over the socket; alice reads both over HTTP, newest page and after her line.
    await bob.do("message:send", { target: "#dev", text: "hi alice" });
    const page = (await alice.get("/channels/dev/messages?limit=50")).body as Page;
    expect(page.messages.map((m) => m.text)).toEqual(expect.arrayContaining(["hello from curl", "hi alice"]));
    const after = (await alice.get(`/channels/%23dev/messages?after=${line.seq}`)).body as Page;
    expect(after.messages.map((m) => m.text)).toEqual(["hi alice"]);
    const before = (await alice.get(`/channels/dev/messages?before=${line.seq + 1}&limit=1`)).body as Page;
    expect(before.messages.map((m) => m.text)).toEqual(["hello from curl"]);
    const around = (await alice.get(`/channels/dev/messages?around=${line.seq}`)).body as Page;
    expect(around.messages.map((m) => m.seq)).toContain(line.seq);
  });

  it("stores a send retried with the same Idempotency-Key once, answering the original", async () => {
    server = await new TestServer().start();
    await server.user("alice");
    const alice = await loggedIn(server, "alice");
    await alice.put("/channels/dev/membership");
    const key = { "Idempotency-Key": "retry-1" };
    const first = (await alice.post("/channels/dev/messages", { text: "only once" }, key)).body as Line;
    const again = (await alice.post("/channels/dev/messages", { text: "only once" }, key)).body as Line;
    expect(again.message.id).toBe(first.message.id);
    expect(first.message.clientId).toBe("retry-1");
    const page = (await alice.get("/channels/dev/messages")).body as Page;
    expect(page.messages.filter((m) => m.text === "only once")).toHaveLength(1);
    const badKey = await alice.post(
      "/channels/dev/messages",
      { text: "x" },
      { "Idempotency-Key": "no spaces allowed" },
    );
    expect([badKey.status, codeOf(badKey)]).toEqual([400, "INVALID_PAYLOAD"]);
  });

  it("edits, reacts to, unreacts and deletes a line; socket clients see every change", async () => {
    server = await new TestServer().start();
    const bob = await server.user("bob");
    await server.user("alice");
    const alice = await loggedIn(server, "alice");
    await alice.put("/channels/dev/membership");
    await bob.do("channel:join", { channel: "#dev" });
    const { message } = (await alice.post("/channels/dev/messages", { text: "typo" })).body as Line;
    const edited = bob.next("message:new", (m) => m.kind === "edit");
    expect((await alice.patch(`/channels/dev/messages/${message.seq}`, { text: "fixed" })).status).toBe(200);
    expect((await edited).text).toBe("fixed");
    const tada = encodeURIComponent("🎉");
    expect((await alice.put(`/channels/dev/messages/${message.seq}/reactions/${tada}`)).status).toBe(200);
    const twice = await alice.put(`/channels/dev/messages/${message.seq}/reactions/${tada}`);
    expect([twice.status, codeOf(twice)]).toEqual([409, "ALREADY_REACTED"]);
    expect((await alice.delete(`/channels/dev/messages/${message.seq}/reactions/${tada}`)).status).toBe(200);
    // Bob may not edit alice's line: the same rule as on the socket.
    const bobsEdit = await bob.send("message:edit", { target: "#dev", seq: message.seq, text: "mine now" });
    expect(bobsEdit.ok ? "ok" : bobsEdit.error.code).toBe("FORBIDDEN");
    const deleted = bob.next("message:new", (m) => m.kind === "delete");
    expect((await alice.delete(`/channels/dev/messages/${message.seq}`)).status).toBe(200);
    await deleted;
    const page = (await alice.get("/channels/dev/messages")).body as Page;
    expect(page.messages.find((m) => m.seq === message.seq)?.deleted).toBe(true);
  });

  it("runs a channel's life: topic, mode, members, part, moderation and the audit log", async () => {
    server = await new TestServer().start();
    const bob = await server.user("bob");
    await server.admin("root");
    await server.user("olive");
    const olive = await loggedIn(server, "olive");
    const root = await loggedIn(server, "root");
    await olive.put("/channels/ops/membership");
    await bob.do("channel:join", { channel: "#ops" });
    expect((await olive.put("/channels/ops/topic", { topic: "on call" })).status).toBe(200);
    const channel = (await olive.get("/channels/ops")).body as { channel: { topic: string } };
    expect(channel.channel.topic).toBe("on call");
    const members = (await olive.get("/channels/ops/members")).body as { members: { name: string }[] };
    expect(members.members.map((m) => m.name).sort()).toEqual(["bob", "olive"]);
    expect((await olive.put("/channels/ops/operators/bob")).status).toBe(200);
    expect((await olive.delete("/channels/ops/operators/bob")).status).toBe(200);
    const kicked = bob.next("channel:left", (e) => e.reason === "kick");
    expect((await olive.post("/channels/ops/kicks", { nick: "bob", reason: "testing" })).status).toBe(200);
    await kicked;
    const banned = await olive.post("/channels/ops/bans", { nick: "bob", durationSeconds: 60 });
    expect(banned.status).toBe(200);
    const rejoin = await bob.send("channel:join", { channel: "#ops" });
    expect(rejoin.ok ? "ok" : rejoin.error.code).toBe("BANNED");
    expect((await olive.delete("/channels/ops/bans/bob")).status).toBe(200);
    const unbanAgain = await olive.delete("/channels/ops/bans/bob");
    expect([unbanAgain.status, codeOf(unbanAgain)]).toEqual([409, "NOT_BANNED"]);
    expect((await olive.put("/channels/ops/mode", { inviteOnly: true })).status).toBe(200);
    const invited = bob.next("channel:invited");
    expect((await olive.post("/channels/ops/invites", { nick: "bob" })).status).toBe(200);
    expect((await invited).channel).toBe("#ops");
    const audit = await root.get("/audit-log?limit=50");
    expect(audit.status).toBe(200);
    const actions = (audit.body as { entries: { action: string }[] }).entries.map((e) => e.action);
    expect(actions.length).toBeGreaterThan(0);
    expect(codeOf(await olive.get("/audit-log"))).toBe("FORBIDDEN");
    expect((await olive.delete("/channels/ops/membership?reason=bye")).status).toBe(200);
    const me = (await olive.get("/me")).body as { channels: { name: string }[] };
    expect(me.channels.map((c) => c.name)).not.toContain("#ops");
  });

  it("talks in a direct conversation, searches and moves read markers", async () => {
    server = await new TestServer().start();
    const bob = await server.user("bob");
    await server.user("alice");
    const alice = await loggedIn(server, "alice");
    const heard = bob.next("message:new", (m) => m.text === "psst, the pelican");
    const sent = await alice.post("/direct/bob/messages", { text: "psst, the pelican" });
    expect(sent.status).toBe(201);
    await heard;
    const direct = (await alice.get("/direct")).body as { conversations: { kind: string; peer?: { name: string } }[] };
    expect(direct.conversations).toHaveLength(1);
    expect(direct.conversations[0]?.kind).toBe("direct");
    const history = (await alice.get("/direct/bob/messages")).body as Page;
    expect(history.messages.map((m) => m.text)).toContain("psst, the pelican");
    const found = await alice.get(`/search?q=${encodeURIComponent("pelican")}`);
    expect((found.body as { hits: { target: string }[] }).hits.map((h) => h.target)).toEqual(["bob"]);
    const seq = (sent.body as Line).message.seq;
    const marked = bob.next("read:marked");
    const bobHttp = await loggedIn(server, "bob");
    const mark = await bobHttp.put("/direct/alice/read-marker", { seq });
    expect(mark.body).toEqual({ readSeq: seq });
    expect((await marked).readSeq).toBe(seq);

    // Closed, it leaves alice's list; opened, it is back; with someone she never wrote to, there is nothing to open.
    await server.user("carol");
    expect((await alice.post("/direct/bob/close", {})).status).toBe(200);
    expect(((await alice.get("/direct")).body as { conversations: unknown[] }).conversations).toHaveLength(0);
    const opened = await alice.post("/direct/bob/open", {});
    expect((opened.body as { channel: { kind: string; peer?: { name: string } } }).channel.peer?.name).toBe("bob");
    expect(((await alice.get("/direct")).body as { conversations: unknown[] }).conversations).toHaveLength(1);
    const never = await alice.post("/direct/carol/open", {});
    expect([never.status, codeOf(never)]).toEqual([404, "NO_SUCH_CHANNEL"]);
  });

  it("stops a token on its next request once its session is logged out, and closes its sockets", async () => {
    server = await new TestServer().start();
    await server.user("alice");
    const grant = await apiClient(server.url).post("/sessions", { name: "alice", password: "correct horse battery" });
    const token = (grant.body as { token: string }).token;
    const socket = await server.connect({ token });
    const ended = new Promise((resolve) => socket.once("session:ended", resolve));
    expect((await apiClient(server.url, token).delete("/sessions/current")).status).toBe(200);
    await ended;
    const after = await apiClient(server.url, token).get("/me");
    expect([after.status, codeOf(after)]).toEqual([401, "NOT_AUTHENTICATED"]);
  });
});
