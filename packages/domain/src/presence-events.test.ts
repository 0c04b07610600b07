import { describe, expect, it } from "vitest";
import { channelsOf, presenceChanged, presenceSubject, presenceSubjects } from "./presence-events";
import { createTestDomain, devChannel } from "./testing";

describe("presence", () => {
  it("tells the user's channels, each connection once, that they came online", async () => {
    const t = createTestDomain();
    const { bob, dev } = await devChannel(t);
    const { channel: ops } = await t.runOk(bob, "channel:join", { channel: "#ops" });
    expect(await presenceChanged(t.deps, bob, true)).toEqual([
      {
        type: "emit",
        to: { channels: [dev.id, ops.id], users: [] },
        event: "presence:changed",
        payload: { user: { id: bob.userId, name: "bob" }, online: true },
      },
    ]);
    expect(await channelsOf(t.deps, bob.userId)).toEqual([dev.id, ops.id]);
  });

  it("tells nobody about a user in no channel", async () => {
    const t = createTestDomain();
    const { carol } = await devChannel(t);
    expect(await presenceChanged(t.deps, carol, false)).toEqual([]);
    expect(await channelsOf(t.deps, carol.userId)).toEqual([]);
  });

  it("reads many users' subjects in one go, each as alone: channels in the order joined, direct conversations included", async () => {
    const t = createTestDomain();
    const { alice, bob, carol } = await devChannel(t);
    await t.runOk(bob, "channel:join", { channel: "#ops" });
    await t.runOk(alice, "message:send", { target: "bob", text: "psst" });
    const ids = [bob.userId, "nobody", carol.userId, alice.userId, bob.userId];
    const alone = await Promise.all(ids.map((id) => presenceSubject(t.deps, id)));
    expect(await presenceSubjects(t.deps, ids)).toEqual(alone);
    expect(alone[0]?.channels).toHaveLength(3);
    expect(alone[1]).toEqual({ user: null, channels: [] });
  });
});
