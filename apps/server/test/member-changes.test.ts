import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TestServer, type ChatClient } from "./harness";

describe("channel:member keeps open member lists without reading them again", () => {
  let server: TestServer;
  let olga: ChatClient;
  let bob: ChatClient;
  beforeEach(async () => {
    server = await new TestServer().start();
    olga = await server.user("olga");
    bob = await server.user("bob");
    await olga.do("channel:join", { channel: "#dev" });
  });
  afterEach(() => server.dispose());

  it("tells the members of a join, an op, a deop, a kick and a part, each with its line's seq", async () => {
    const listed = await olga.do("channel:who", { channel: "#dev" });
    expect(listed.members.map((m) => m.name)).toEqual(["olga"]);

    const joinLine = olga.next("message:new", (m) => m.kind === "join" && m.author?.name === "bob");
    const joined = olga.next("channel:member");
    await bob.do("channel:join", { channel: "#dev" });
    const join = await joined;
    const bobId = join.member?.id;
    expect(join).toMatchObject({ userId: bobId, member: { name: "bob", role: "member", online: true } });
    expect(join.seq).toBe((await joinLine).seq);
    expect(join.seq).toBeGreaterThan(listed.asOf);

    const opped = olga.next("channel:member");
    await olga.do("channel:op", { channel: "#dev", nick: "bob" });
    expect((await opped).member?.role).toBe("operator");
    const deopped = bob.next("channel:member", (c) => c.member?.role !== "operator");
    await olga.do("channel:deop", { channel: "#dev", nick: "bob" });
    expect((await deopped).member?.role).toBe("member");

    const kicked = olga.next("channel:member", (c) => c.member === null);
    await olga.do("channel:kick", { channel: "#dev", nick: "bob", reason: "test" });
    expect(await kicked).toMatchObject({ userId: bobId, member: null });

    await bob.do("channel:join", { channel: "#dev" });
    const parted = olga.next("channel:member", (c) => c.member === null);
    await bob.do("channel:part", { channel: "#dev" });
    expect((await parted).userId).toBe(bobId);

    // The list read now agrees with what the changes said, and is as of the newest line.
    const after = await olga.do("channel:who", { channel: "#dev" });
    expect(after.members.map((m) => m.name)).toEqual(["olga"]);
    const newest = await olga.do("history:read", { target: "#dev", limit: 1 });
    expect(after.asOf).toBe(newest.messages.at(-1)?.seq);
  });

  it("is not sent for chat, and a ban tells the others the banned user is gone", async () => {
    const joined = olga.next("channel:member");
    await bob.do("channel:join", { channel: "#dev" });
    const bobId = (await joined).userId;
    const changes: unknown[] = [];
    olga.socket.on("channel:member", (c) => changes.push(c));
    await bob.do("message:send", { target: "#dev", text: "hello", clientId: crypto.randomUUID() });
    await olga.do("channel:who", { channel: "#dev" });
    expect(changes).toEqual([]);
    const banned = olga.next("channel:member");
    await olga.do("channel:ban", { channel: "#dev", nick: "bob" });
    expect(await banned).toMatchObject({ userId: bobId, member: null });
  });
});
