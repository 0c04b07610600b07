import { describe, expect, it } from "vitest";
import { codeOf, createTestDomain, devChannel, emitted } from "../testing";

describe("channel:unban", () => {
  it("lifts a ban with an unban line, and the user may join again", async () => {
    const t = createTestDomain();
    const { alice, bob } = await devChannel(t);
    await t.runOk(alice, "channel:ban", { channel: "#dev", nick: "bob" });
    const outcome = await t.run(alice, "channel:unban", { channel: "#dev", nick: "BOB" });
    expect(outcome.ack).toEqual({ ok: true, data: {} });
    expect(emitted(outcome, "message:new")[0]?.payload).toMatchObject({
      kind: "unban",
      meta: { target: { id: bob.userId, name: "bob" } },
    });
    expect(codeOf(await t.run(bob, "channel:join", { channel: "#dev" }))).toBe("ok");
  });

  it("refuses a user who is not banned, including one whose ban expired", async () => {
    const t = createTestDomain();
    const { alice } = await devChannel(t);
    expect(codeOf(await t.run(alice, "channel:unban", { channel: "#dev", nick: "bob" }))).toBe("NOT_BANNED");
    await t.runOk(alice, "channel:ban", { channel: "#dev", nick: "carol", durationSeconds: 60 });
    t.clock.advance(60_000);
    expect(codeOf(await t.run(alice, "channel:unban", { channel: "#dev", nick: "carol" }))).toBe("NOT_BANNED");
  });

  it("refuses a plain member, an outsider, nobody and a missing channel", async () => {
    const t = createTestDomain();
    const { alice, bob, carol } = await devChannel(t);
    await t.runOk(alice, "channel:ban", { channel: "#dev", nick: "carol" });
    expect(codeOf(await t.run(bob, "channel:unban", { channel: "#dev", nick: "carol" }))).toBe("FORBIDDEN");
    expect(codeOf(await t.run(carol, "channel:unban", { channel: "#dev", nick: "carol" }))).toBe("BANNED");
    expect(codeOf(await t.run(alice, "channel:unban", { channel: "#dev", nick: "nobody" }))).toBe("NO_SUCH_USER");
    expect(codeOf(await t.run(alice, "channel:unban", { channel: "#nowhere", nick: "carol" }))).toBe("NO_SUCH_CHANNEL");
    expect(codeOf(await t.run(carol, "channel:join", { channel: "#dev" }))).toBe("BANNED");
  });

  it("refuses an outsider who is not banned", async () => {
    const t = createTestDomain();
    const { carol } = await devChannel(t);
    expect(codeOf(await t.run(carol, "channel:unban", { channel: "#dev", nick: "bob" }))).toBe("NOT_A_MEMBER");
  });
});
