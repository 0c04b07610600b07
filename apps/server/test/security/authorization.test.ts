import type { Message } from "@canaduck/contract";
import { afterEach, describe, expect, it } from "vitest";
import { TestServer } from "../harness";
import { codeOf, emitRaw, rawConnect } from "./attack-kit";

/** Over real sockets, the checks the domain's authorization matrix makes table by table. */
describe("authorization over the wire", () => {
  let server: TestServer | undefined;
  afterEach(() => server?.dispose());

  it("cuts a kicked user off on every device at once: the very next line reaches neither", async () => {
    server = await new TestServer().start();
    const olga = await server.user("olga");
    const bob = await server.user("bob");
    const carol = await server.user("carol");
    for (const c of [olga, bob, carol]) await c.do("channel:join", { channel: "#ops" });
    const bobPhone = await rawConnect(server.url, { auth: { token: bob.token } });
    await bob.do("session:state", {}); // both of bob's connections are bound to their rooms
    const seen: string[] = [];
    for (const socket of [bob.socket, bobPhone]) socket.on("message:new", (m: Message) => seen.push(m.text));

    // Sent back to back on one connection: the kick commits and takes effect before the line.
    const kick = olga.send("channel:kick", { channel: "#ops", nick: "bob" });
    const heardByCarol = carol.next("message:new", (m) => m.text === "now that bob is gone");
    const line = olga.send("message:send", { target: "#ops", text: "now that bob is gone" });
    expect(codeOf(await kick)).toBe("ok");
    expect(codeOf(await line)).toBe("ok");
    await heardByCarol;
    // A round trip on each of bob's connections: a line sent to them before it would have arrived by now.
    expect(codeOf(await emitRaw(bobPhone, "message:send", { target: "#ops", text: "hello?" }))).toBe("NOT_A_MEMBER");
    await bob.do("session:state", {});
    expect(seen).not.toContain("now that bob is gone");
  });

  it("keeps an invite-only channel's history and members from outsiders, and bans hold", async () => {
    server = await new TestServer().start();
    const olga = await server.user("olga");
    const mallory = await server.user("mallory");
    await olga.do("channel:join", { channel: "#secret" });
    await olga.do("message:send", { target: "#secret", text: "the launch code" });
    await olga.do("channel:mode", { channel: "#secret", inviteOnly: true });
    for (const [event, payload] of [
      ["history:read", { target: "#secret" }],
      ["channel:who", { channel: "#secret" }],
      ["channel:topic", { channel: "#secret" }],
      ["message:send", { target: "#secret", text: "let me in" }],
    ] as const) {
      expect(codeOf(await emitRaw(mallory.socket, event, payload)), event).toBe("NOT_A_MEMBER");
    }
    expect(codeOf(await mallory.send("channel:join", { channel: "#secret" }))).toBe("INVITE_ONLY");
    expect((await mallory.do("channel:list", {})).channels).toEqual([]);

    await olga.do("channel:ban", { channel: "#secret", nick: "mallory" });
    expect(codeOf(await olga.send("channel:invite", { channel: "#secret", nick: "mallory" }))).toBe("BANNED");
    expect(codeOf(await mallory.send("channel:join", { channel: "#secret" }))).toBe("BANNED");
  });

  it("takes the actor from the session alone: a payload naming someone else changes nothing", async () => {
    server = await new TestServer().start();
    const alice = await server.admin("alice");
    const mallory = await server.user("mallory");
    for (const c of [alice, mallory]) await c.do("channel:join", { channel: "#dev" });
    const { user } = await alice.do("session:state", {});
    const forged = {
      target: "#dev",
      text: "I am alice",
      author: { id: user.id, name: "alice" },
      userId: user.id,
      as: "alice",
    };
    const ack = await emitRaw(mallory.socket, "message:send", forged);
    expect(ack.ok ? (ack.data as { message: Message }).message.author : null).toMatchObject({ name: "mallory" });
    // Only admins read the audit log or alert everyone; alice was granted it by the operator.
    expect(codeOf(await mallory.send("audit:log", {}))).toBe("FORBIDDEN");
    expect(codeOf(await mallory.send("server:alert", { text: "free coins" }))).toBe("FORBIDDEN");
    expect(codeOf(await alice.send("audit:log", {}))).toBe("ok");
  });
});
