import { describe, expect, it } from "vitest";
import { channelsOf, presenceSubject, presenceSubjects } from "./presence-events";
import { createTestDomain, devChannel } from "./testing";

describe("presence", () => {
  it("reads the user and the channels their connections belong in, in the order joined", async () => {
    const t = createTestDomain();
    const { bob, dev } = await devChannel(t);
    const { channel: ops } = await t.runOk(bob, "channel:join", { channel: "#ops" });
    const subject = await presenceSubject(t.deps, bob.userId);
    expect(subject.user?.name).toBe("bob");
    expect(subject.channels).toEqual([dev.id, ops.id]);
    expect(await channelsOf(t.deps, bob.userId)).toEqual([dev.id, ops.id]);
  });

  it("finds no channels for a user in none", async () => {
    const t = createTestDomain();
    const { carol } = await devChannel(t);
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
