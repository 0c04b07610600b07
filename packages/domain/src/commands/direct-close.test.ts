import { describe, expect, it } from "vitest";
import { codeOf, createTestDomain, devChannel, emitted } from "../testing";

describe("direct:close and direct:open", () => {
  it("hides the conversation from the closer on every device until a new line, keeping its history", async () => {
    const t = createTestDomain();
    const { alice, bob } = await devChannel(t);
    const sent = await t.runOk(alice, "message:send", { target: "bob", text: "hi bob" });
    const dmId = sent.message.channelId;
    const shown = async (who: typeof alice) =>
      (await t.runOk(who, "session:state", {})).channels.filter((c) => c.kind === "direct").map((c) => c.id);
    expect(await shown(bob)).toEqual([dmId]);

    const closed = await t.run(bob, "direct:close", { nick: "Alice" });
    expect(closed.ack).toEqual({ ok: true, data: {} });
    expect(emitted(closed, "direct:closed")).toEqual([{ to: { user: bob.userId }, payload: { channelId: dmId } }]);
    expect(await shown(bob)).toEqual([]);
    expect((await t.runOk(bob, "session:sync", { conversations: [] })).channels.map((c) => c.id)).not.toContain(dmId);
    // Only for bob: alice still has it.
    expect(await shown(alice)).toEqual([dmId]);

    // alice's next line brings it back to bob, announced before the line itself.
    const again = await t.run(alice, "message:send", { target: "bob", text: "still there?" });
    const events = again.effects.flatMap((e) => (e.type === "emit" ? [e.event] : []));
    expect(events.indexOf("channel:joined")).toBeLessThan(events.indexOf("message:new"));
    expect(emitted(again, "channel:joined").map((e) => e.to)).toEqual([{ user: bob.userId }]);
    expect(await shown(bob)).toEqual([dmId]);
    const history = await t.runOk(bob, "history:read", { target: "alice" });
    expect(history.messages.map((m) => m.text)).toEqual(["hi bob", "still there?"]);
  });

  it("opens a closed conversation again on request, and only then announces it", async () => {
    const t = createTestDomain();
    const { alice, bob } = await devChannel(t);
    const dmId = (await t.runOk(bob, "message:send", { target: "alice", text: "hello" })).message.channelId;
    await t.runOk(alice, "read:mark", { target: "bob", seq: 1 });
    await t.runOk(alice, "direct:close", { nick: "bob" });
    const opened = await t.run(alice, "direct:open", { nick: "bob" });
    expect(codeOf(opened)).toBe("ok");
    // As it was: the read marker is kept through closing and opening.
    expect(opened.ack.ok && opened.ack.data.channel.readSeq).toBe(1);
    expect(emitted(opened, "channel:joined").map((e) => [e.to, e.payload.channel.id])).toEqual([
      [{ user: alice.userId }, dmId],
    ]);
    expect((await t.runOk(alice, "session:state", {})).channels.map((c) => c.id)).toContain(dmId);
    // Opening one that is not closed answers its view and tells no one.
    const open = await t.run(alice, "direct:open", { nick: "bob" });
    expect(emitted(open, "channel:joined")).toEqual([]);
  });

  it("refuses an unknown nick and a conversation not started, with their codes", async () => {
    const t = createTestDomain();
    const { alice } = await devChannel(t);
    expect(codeOf(await t.run(alice, "direct:close", { nick: "ghost" }))).toBe("NO_SUCH_USER");
    expect(codeOf(await t.run(alice, "direct:close", { nick: "bob" }))).toBe("NO_SUCH_CHANNEL");
    expect(codeOf(await t.run(alice, "direct:open", { nick: "bob" }))).toBe("NO_SUCH_CHANNEL");
    expect(codeOf(await t.run(alice, "direct:close", { nick: "" }))).toBe("INVALID_PAYLOAD");
  });
});
