import { describe, expect, it } from "vitest";
import { codeOf, createTestDomain, devChannel, TEST_START } from "../testing";

describe("audit:log", () => {
  it("shows an admin the newest entries first, with names as they were", async () => {
    const t = createTestDomain();
    const { root, alice } = await devChannel(t);
    await t.runOk(alice, "channel:kick", { channel: "#dev", nick: "bob", reason: "spam" });
    await t.runOk(alice, "user:nick", { nick: "alicia" });
    const { entries } = await t.runOk(root, "audit:log", { limit: 2 });
    expect(entries).toEqual([
      {
        id: 7,
        action: "kick",
        actor: "alice",
        channel: "#dev",
        target: "bob",
        detail: "spam",
        createdAt: TEST_START.toISOString(),
      },
      {
        id: 6,
        action: "channel-create",
        actor: "alice",
        channel: "#dev",
        target: null,
        detail: "",
        createdAt: TEST_START.toISOString(),
      },
    ]);
    const all = await t.runOk(root, "audit:log", {});
    expect(all.entries.map((e) => e.action)).toEqual([
      "kick",
      "channel-create",
      "register",
      "register",
      "register",
      "grant-admin",
      "register",
    ]);
    // Registering made root an account; the operator's grant made it an admin.
    expect(all.entries.at(-2)).toMatchObject({ action: "grant-admin", actor: "(admin command line)", target: "root" });
    expect(all.entries.at(-1)).toMatchObject({ action: "register", actor: "root", detail: "" });
  });

  it("is refused to users who are not admins", async () => {
    const t = createTestDomain();
    const { alice } = await devChannel(t);
    expect(codeOf(await t.run(alice, "audit:log", {}))).toBe("FORBIDDEN");
  });

  it("refuses a limit out of range", async () => {
    const t = createTestDomain();
    const { root } = await devChannel(t);
    expect(codeOf(await t.run(root, "audit:log", { limit: 0 }))).toBe("INVALID_PAYLOAD");
    expect(codeOf(await t.run(root, "audit:log", { limit: 501 }))).toBe("INVALID_PAYLOAD");
  });
});
