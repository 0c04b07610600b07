import { describe, expect, it } from "vitest";
import { codeOf, createTestDomain, devChannel } from "../testing";

describe("channel:bans", () => {
  it("lists the bans in force, newest first, with who set them, why and until when", async () => {
    const t = createTestDomain();
    const { alice } = await devChannel(t);
    await t.registerUser("dave");
    await t.runOk(alice, "channel:ban", { channel: "#dev", nick: "carol", reason: "spam" });
    t.clock.advance(1_000);
    await t.runOk(alice, "channel:ban", { channel: "#dev", nick: "dave", durationSeconds: 60 });
    const { bans } = await t.runOk(alice, "channel:bans", { channel: "#dev" });
    expect(bans.map((b) => [b.nick, b.by, b.reason, b.expiresAt === null])).toEqual([
      ["dave", "alice", "", false],
      ["carol", "alice", "spam", true],
    ]);
    // An expired ban and a lifted one are not listed.
    t.clock.advance(60_000);
    await t.runOk(alice, "channel:unban", { channel: "#dev", nick: "carol" });
    expect((await t.runOk(alice, "channel:bans", { channel: "#dev" })).bans).toEqual([]);
  });

  it("is for operators: a plain member and an outsider are refused", async () => {
    const t = createTestDomain();
    const { bob } = await devChannel(t);
    const erin = await t.registerUser("erin");
    expect(codeOf(await t.run(bob, "channel:bans", { channel: "#dev" }))).toBe("FORBIDDEN");
    expect(codeOf(await t.run(erin, "channel:bans", { channel: "#dev" }))).not.toBe("ok");
    expect(codeOf(await t.run(bob, "channel:bans", { channel: "#nowhere" }))).toBe("NO_SUCH_CHANNEL");
  });
});
