import { afterEach, describe, expect, it } from "vitest";
import { ChatClient, twoInDev, type TestServer } from "./harness";

describe("closing a direct conversation", () => {
  let server: TestServer | undefined;
  afterEach(() => server?.dispose());

  it("hides it on every device of the closer, across a restart, until the next line; the history stays", async () => {
    const started = await twoInDev();
    server = started.server;
    const { alice, bob } = started;
    const { message } = await alice.do("message:send", { target: "bob", text: "lunch?" });
    const dmId = message.channelId;
    const phone = new ChatClient(await server.connect({ token: bob.token }), bob.token, "bob");
    const directs = async (who: ChatClient) =>
      (await who.do("session:state", {})).channels.filter((c) => c.kind === "direct").map((c) => c.id);

    const toldPhone = phone.next("direct:closed");
    expect(await bob.send("direct:close", { nick: "alice" })).toEqual({ ok: true, data: {} });
    expect(await toldPhone).toEqual({ channelId: dmId });
    expect(await directs(phone)).toEqual([]);
    expect(await directs(alice)).toEqual([dmId]);

    await server.restart();
    const laptop = new ChatClient(await server.connect({ token: bob.token }), bob.token, "bob");
    const sync = await laptop.do("session:sync", { conversations: [] });
    expect(sync.channels.map((c) => c.id)).not.toContain(dmId);
    expect(sync.changes.map((c) => c.channelId)).not.toContain(dmId);

    // alice's next line: bob's device hears channel:joined first, then the line.
    const alice2 = new ChatClient(await server.connect({ token: alice.token }), alice.token, "alice");
    const order: string[] = [];
    laptop.socket.on("channel:joined", () => order.push("channel:joined"));
    laptop.socket.on("message:new", () => order.push("message:new"));
    const line = laptop.next("message:new");
    await alice2.do("message:send", { target: "bob", text: "anyone?" });
    await line;
    expect(order).toEqual(["channel:joined", "message:new"]);
    expect(await directs(laptop)).toEqual([dmId]);
    const history = await laptop.do("history:read", { target: "alice" });
    expect(history.messages.map((m) => m.text)).toEqual(["lunch?", "anyone?"]);
  });

  it("opens again on request on every device; refuses what is not one's own conversation with a stable code", async () => {
    const started = await twoInDev();
    server = started.server;
    const { alice, bob } = started;
    const dmId = (await alice.do("message:send", { target: "bob", text: "hi" })).message.channelId;
    await alice.do("direct:close", { nick: "bob" });
    const other = new ChatClient(await server.connect({ token: alice.token }), alice.token, "alice");
    const back = other.next("channel:joined");
    const opened = await alice.do("direct:open", { nick: "bob" });
    expect(opened.channel).toMatchObject({ id: dmId, kind: "direct", peer: { name: "bob" } });
    expect((await back).channel.id).toBe(dmId);

    const carol = await server.user("carol");
    // carol has no conversation with alice; the one between alice and bob is not hers to close.
    expect(await carol.send("direct:close", { nick: "alice" })).toMatchObject({
      ok: false,
      error: { code: "NO_SUCH_CHANNEL" },
    });
    expect(await carol.send("direct:close", { nick: "ghost" })).toMatchObject({
      ok: false,
      error: { code: "NO_SUCH_USER" },
    });
    expect(await carol.send("direct:open", { nick: 42 } as never)).toMatchObject({
      ok: false,
      error: { code: "INVALID_PAYLOAD" },
    });
    expect(await bob.send("direct:close", { nick: "alice" })).toEqual({ ok: true, data: {} });
    expect((await alice.do("session:state", {})).channels.map((c) => c.id)).toContain(dmId);
  });
});
