import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TestServer, type ChatClient } from "./harness";

describe("moderation over Socket.IO", () => {
  let server: TestServer;
  let admin: ChatClient;
  let owner: ChatClient;
  let bob: ChatClient;
  beforeEach(async () => {
    server = await new TestServer().start();
    admin = await server.admin("root");
    owner = await server.user("olga");
    bob = await server.user("bob");
    await owner.do("channel:join", { channel: "#dev" });
  });
  afterEach(() => server.dispose());

  it("keeps an invite-only channel closed until an operator invites", async () => {
    await owner.do("channel:mode", { channel: "#dev", inviteOnly: true });
    const refused = await bob.send("channel:join", { channel: "#dev" });
    expect(refused.ok || refused.error.code).toBe("INVITE_ONLY");
    const history = await bob.send("history:read", { target: "#dev" });
    expect(history.ok || history.error.code).toBe("NOT_A_MEMBER");

    const invited = bob.next("channel:invited");
    await owner.do("channel:invite", { channel: "#dev", nick: "bob" });
    expect(await invited).toEqual({ channel: "#dev", by: "olga" });
    const joined = await bob.do("channel:join", { channel: "#dev" });
    expect(joined.channel.inviteOnly).toBe(true);
  });

  it("shows a kick to its target, who then stops receiving the channel", async () => {
    await bob.do("channel:join", { channel: "#dev" });
    const kickLine = bob.next("message:new", (m) => m.kind === "kick");
    const left = bob.next("channel:left");
    await owner.do("channel:kick", { channel: "#dev", nick: "bob", reason: "spamming" });
    expect(await kickLine).toMatchObject({
      author: { name: "olga" },
      meta: { target: { name: "bob" }, reason: "spamming" },
    });
    expect(await left).toMatchObject({ name: "#dev", reason: "kick" });

    const afterKick: string[] = [];
    bob.socket.on("message:new", (m) => afterKick.push(m.text));
    await owner.do("message:send", { target: "#dev", text: "bob is gone" });
    const send = await bob.send("message:send", { target: "#dev", text: "let me back" });
    expect(send.ok || send.error.code).toBe("NOT_A_MEMBER");
    expect(afterKick).toEqual([]);
    // A kick is not a ban: bob may come back.
    await bob.do("channel:join", { channel: "#dev" });
  });

  it("enforces a ban until it is lifted, and only operators may ban", async () => {
    await bob.do("channel:join", { channel: "#dev" });
    const byMember = await bob.send("channel:ban", { channel: "#dev", nick: "olga" });
    expect(byMember.ok || byMember.error.code).toBe("FORBIDDEN");

    const left = bob.next("channel:left");
    await owner.do("channel:ban", { channel: "#dev", nick: "bob", reason: "trolling" });
    expect(await left).toMatchObject({ reason: "ban" });
    const rejoin = await bob.send("channel:join", { channel: "#dev" });
    expect(rejoin.ok || rejoin.error.code).toBe("BANNED");
    const read = await bob.send("history:read", { target: "#dev" });
    expect(read.ok || read.error.code).toBe("BANNED");

    await owner.do("channel:unban", { channel: "#dev", nick: "bob" });
    await bob.do("channel:join", { channel: "#dev" });
  });

  it("delivers an admin alert to every connected user; others get FORBIDDEN", async () => {
    const anonymousViewer = await server.connect();
    const seenByBob = bob.next("server:alert");
    const seenByOwner = owner.next("server:alert");
    await admin.do("server:alert", { text: "maintenance at noon" });
    expect(await seenByBob).toMatchObject({ text: "maintenance at noon", from: "root" });
    expect(await seenByOwner).toMatchObject({ text: "maintenance at noon" });
    anonymousViewer.disconnect();

    const denied = await bob.send("server:alert", { text: "I am admin" });
    expect(denied.ok || denied.error.code).toBe("FORBIDDEN");
    const log = await bob.send("audit:log", {});
    expect(log.ok || log.error.code).toBe("FORBIDDEN");
    const audit = await admin.do("audit:log", {});
    expect(audit.entries.map((e) => e.action)).toContain("alert");
  });

  it("lists channels with counts and who is in them, online or not", async () => {
    await bob.do("channel:join", { channel: "#dev" });
    await owner.do("channel:topic", { channel: "#dev", topic: "all things dev" });
    const { channels } = await bob.do("channel:list", {});
    expect(channels).toContainEqual({ name: "#dev", topic: "all things dev", memberCount: 2, inviteOnly: false });
    const wentOffline = owner.next("presence:changes", (p) =>
      p.changes.some((c) => c.user.name === "bob" && !c.online),
    );
    bob.socket.disconnect();
    await wentOffline;
    const { members } = await owner.do("channel:who", { channel: "#dev" });
    expect(members.map((m) => [m.name, m.role, m.online])).toEqual([
      ["olga", "owner", true],
      ["bob", "member", false],
    ]);
  });
});
