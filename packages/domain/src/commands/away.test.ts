import { describe, expect, it } from "vitest";
import { codeOf, createTestDomain, devChannel, emitted } from "../testing";

describe("user:away", () => {
  it("sets the message, tells everyone sharing a conversation, and shows it to /who and /whois", async () => {
    const t = createTestDomain();
    const { alice, bob, dev } = await devChannel(t);
    const outcome = await t.run(bob, "user:away", { message: "  at lunch " });
    expect(outcome.ack).toEqual({ ok: true, data: { away: "at lunch" } });
    expect(emitted(outcome, "user:away")).toEqual([
      {
        to: { channels: [dev.id], users: [bob.userId] },
        payload: { user: { id: bob.userId, name: "bob" }, away: "at lunch" },
      },
    ]);
    const { members } = await t.runOk(alice, "channel:who", { channel: "#dev" });
    expect(members.find((m) => m.name === "bob")?.away).toBe("at lunch");
    expect(members.find((m) => m.name === "alice")).not.toHaveProperty("away");
    expect((await t.runOk(alice, "user:whois", { nick: "bob" })).away).toBe("at lunch");
  });

  it("comes back with no message (or a blank one), and says nothing when nothing changed", async () => {
    const t = createTestDomain();
    const { alice, bob } = await devChannel(t);
    await t.runOk(bob, "user:away", { message: "gone" });
    const back = await t.run(bob, "user:away", {});
    expect(back.ack).toEqual({ ok: true, data: { away: null } });
    expect(emitted(back, "user:away").map((e) => e.payload.away)).toEqual([null]);
    expect(emitted(await t.run(bob, "user:away", { message: "   " }), "user:away")).toEqual([]);
    expect((await t.runOk(alice, "user:whois", { nick: "bob" })).away).toBeNull();
  });

  it("refuses a message longer than a reason and changes nothing", async () => {
    const t = createTestDomain();
    const { alice, bob } = await devChannel(t);
    expect(codeOf(await t.run(bob, "user:away", { message: "x".repeat(201) }))).toBe("INVALID_PAYLOAD");
    expect((await t.runOk(alice, "user:whois", { nick: "bob" })).away).toBeNull();
  });
});
