import { defaultUserSettings } from "@canaduck/contract";
import { describe, expect, it } from "vitest";
import { codeOf, createTestDomain, devChannel, emitted } from "../testing";

describe("settings:update", () => {
  it("starts every user at the defaults, in session:state and session:sync", async () => {
    const t = createTestDomain();
    const { alice } = await devChannel(t);
    expect((await t.runOk(alice, "session:state", {})).settings).toEqual(defaultUserSettings);
    expect((await t.runOk(alice, "session:sync", { conversations: [] })).settings).toEqual(defaultUserSettings);
  });

  it("keeps what changed, tells every connection of the user, and leaves other users alone", async () => {
    const t = createTestDomain();
    const { alice, bob } = await devChannel(t);
    const outcome = await t.run(alice, "settings:update", { theme: "dark", clock: "12h" });
    const expected = { ...defaultUserSettings, theme: "dark", clock: "12h" };
    expect(outcome.ack).toEqual({ ok: true, data: { settings: expected } });
    expect(emitted(outcome, "settings:changed")).toEqual([
      { to: { user: alice.userId }, payload: { settings: expected } },
    ]);
    await t.runOk(alice, "settings:update", { compact: true, typingNotices: false });
    expect((await t.runOk(alice, "session:state", {})).settings).toEqual({
      ...expected,
      compact: true,
      typingNotices: false,
    });
    expect((await t.runOk(bob, "session:state", {})).settings).toEqual(defaultUserSettings);
  });

  it("keeps a conversation's level and mute apart, and forgets it once back at the defaults", async () => {
    const t = createTestDomain();
    const { alice, dev } = await devChannel(t);
    await t.runOk(alice, "settings:update", { conversation: { channelId: dev.id, level: "all" } });
    const { settings } = await t.runOk(alice, "settings:update", { conversation: { channelId: dev.id, muted: true } });
    expect(settings.conversations).toEqual({ [dev.id]: { level: "all", muted: true } });
    const back = await t.runOk(alice, "settings:update", {
      conversation: { channelId: dev.id, level: "mentions", muted: false },
    });
    expect(back.settings.conversations).toEqual({});
  });

  it("refuses a conversation the user is not in, and bad values, changing nothing", async () => {
    const t = createTestDomain();
    const { alice, carol, dev } = await devChannel(t);
    const outsider = await t.run(carol, "settings:update", { conversation: { channelId: dev.id, level: "all" } });
    expect(codeOf(outsider)).toBe("NOT_A_MEMBER");
    const bad = await t.run(alice, "settings:update", { theme: "neon" } as never);
    expect(codeOf(bad)).toBe("INVALID_PAYLOAD");
    expect((await t.runOk(carol, "session:state", {})).settings).toEqual(defaultUserSettings);
    expect((await t.runOk(alice, "session:state", {})).settings).toEqual(defaultUserSettings);
  });

  it("reads a stored document with an unknown or broken field as the defaults for that field only", async () => {
    const t = createTestDomain();
    const { alice } = await devChannel(t);
    await t.runOk(alice, "settings:update", { theme: "light" });
    await t.store.transaction((tx) =>
      tx.settings.upsert({ userId: alice.userId, data: '{"theme":"dark","clock":"25h"}', updatedAt: new Date() }),
    );
    expect((await t.runOk(alice, "session:state", {})).settings).toEqual({ ...defaultUserSettings, theme: "dark" });
  });
});
