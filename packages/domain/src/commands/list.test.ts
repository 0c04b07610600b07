import { describe, expect, it } from "vitest";
import { anonymous } from "../actor";
import { codeOf, createTestDomain, devChannel } from "../testing";

describe("channel:list", () => {
  it("lists public channels, busiest first, with topics and counts", async () => {
    const t = createTestDomain();
    const { alice, carol } = await devChannel(t);
    await t.runOk(alice, "channel:topic", { channel: "#dev", topic: "code" });
    await t.runOk(carol, "channel:join", { channel: "#b-side" });
    await t.runOk(carol, "channel:join", { channel: "#a-side" });
    const { channels } = await t.runOk(carol, "channel:list", {});
    expect(channels).toEqual([
      { name: "#dev", topic: "code", memberCount: 2, inviteOnly: false },
      { name: "#a-side", topic: "", memberCount: 1, inviteOnly: false },
      { name: "#b-side", topic: "", memberCount: 1, inviteOnly: false },
    ]);
  });

  it("shows an invite-only channel to its members and admins only", async () => {
    const t = createTestDomain();
    const { root, alice, carol } = await devChannel(t);
    await t.runOk(alice, "channel:mode", { channel: "#dev", inviteOnly: true });
    const names = async (actor: typeof root) => (await t.runOk(actor, "channel:list", {})).channels.map((c) => c.name);
    expect(await names(carol)).toEqual([]);
    expect(await names(alice)).toEqual(["#dev"]);
    expect(await names(root)).toEqual(["#dev"]);
  });

  it("never lists direct conversations", async () => {
    const t = createTestDomain();
    const alice = await t.registerUser("alice");
    await t.registerUser("bob");
    await t.runOk(alice, "message:send", { target: "bob", text: "psst" });
    expect((await t.runOk(alice, "channel:list", {})).channels).toEqual([]);
  });

  it("needs a logged-in actor", async () => {
    const t = createTestDomain();
    expect(codeOf(await t.run(anonymous, "channel:list", {}))).toBe("NOT_AUTHENTICATED");
  });
});
