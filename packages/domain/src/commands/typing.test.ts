import { describe, expect, it } from "vitest";
import { codeOf, createTestDomain, devChannel, emitted } from "../testing";

describe("typing:set", () => {
  it("tells the channel who is typing, storing nothing", async () => {
    const t = createTestDomain();
    const { bob, dev } = await devChannel(t);
    const before = t.store.snapshot();
    const outcome = await t.run(bob, "typing:set", { target: "#dev", typing: true });
    expect(outcome.ack).toEqual({ ok: true, data: {} });
    expect(emitted(outcome, "typing:changed")).toEqual([
      { to: { channel: dev.id }, payload: { channelId: dev.id, user: { id: bob.userId, name: "bob" }, typing: true } },
    ]);
    expect(t.store.snapshot()).toEqual(before);
  });

  it("tells a direct conversation, once it exists", async () => {
    const t = createTestDomain();
    const alice = await t.registerUser("alice");
    await t.registerUser("bob");
    const early = await t.run(alice, "typing:set", { target: "bob", typing: true });
    expect(codeOf(early)).toBe("ok");
    expect(early.effects).toEqual([]);
    const { message } = await t.runOk(alice, "message:send", { target: "bob", text: "hi" });
    const later = await t.run(alice, "typing:set", { target: "bob", typing: false });
    expect(emitted(later, "typing:changed")).toEqual([
      {
        to: { channel: message.channelId },
        payload: { channelId: message.channelId, user: { id: alice.userId, name: "alice" }, typing: false },
      },
    ]);
  });

  it("refuses a channel the actor is not in, a missing channel and an unknown nick", async () => {
    const t = createTestDomain();
    const { carol } = await devChannel(t);
    expect(codeOf(await t.run(carol, "typing:set", { target: "#dev", typing: true }))).toBe("NOT_A_MEMBER");
    expect(codeOf(await t.run(carol, "typing:set", { target: "#nowhere", typing: true }))).toBe("NO_SUCH_CHANNEL");
    expect(codeOf(await t.run(carol, "typing:set", { target: "nobody", typing: true }))).toBe("NO_SUCH_USER");
  });
});
