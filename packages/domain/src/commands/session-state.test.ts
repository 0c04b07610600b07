import { describe, expect, it } from "vitest";
import { anonymous } from "../actor";
import { codeOf, createTestDomain } from "../testing";

describe("session:state", () => {
  it("tells who the actor is and the channels they are in, with their role", async () => {
    const t = createTestDomain();
    const alice = await t.registerUser("alice");
    const bob = await t.registerUser("bob");
    await t.runOk(alice, "channel:join", { channel: "#dev" });
    await t.runOk(bob, "channel:join", { channel: "#dev" });
    await t.runOk(bob, "channel:join", { channel: "#ops" });
    await t.runOk(alice, "channel:join", { channel: "#random" });

    const state = await t.runOk(bob, "session:state", {});
    expect(state.user).toEqual({ id: bob.userId, name: "bob", isAdmin: false });
    expect(state.channels.map((c) => [c.name, c.role, c.memberCount])).toEqual([
      ["#dev", "member", 2],
      ["#ops", "owner", 1],
    ]);
  });

  it("no longer lists a channel the actor parted", async () => {
    const t = createTestDomain();
    const alice = await t.registerUser("alice");
    await t.runOk(alice, "channel:join", { channel: "#dev" });
    await t.runOk(alice, "channel:part", { channel: "#dev" });
    expect((await t.runOk(alice, "session:state", {})).channels).toEqual([]);
  });

  it("lists direct conversations with the peer", async () => {
    const t = createTestDomain();
    const alice = await t.registerUser("alice");
    const bob = await t.registerUser("bob");
    await t.runOk(alice, "message:send", { target: "bob", text: "hi" });
    const [direct] = (await t.runOk(alice, "session:state", {})).channels;
    expect(direct).toMatchObject({ kind: "direct", peer: { id: bob.userId, name: "bob" }, lastSeq: 1 });
  });

  it("needs a logged-in actor", async () => {
    const t = createTestDomain();
    expect(codeOf(await t.run(anonymous, "session:state", {}))).toBe("NOT_AUTHENTICATED");
  });
});
