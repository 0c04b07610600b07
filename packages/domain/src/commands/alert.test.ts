import { describe, expect, it } from "vitest";
import { codeOf, createTestDomain, emitted, expectOk, TEST_START } from "../testing";

describe("server:alert", () => {
  it("sends an admin's notice to everyone and records it", async () => {
    const t = createTestDomain();
    const root = await t.registerAdmin("root");
    const outcome = await t.run(root, "server:alert", { text: " restarting in 5 minutes " });
    expect(expectOk(outcome)).toEqual({ delivered: true });
    expect(emitted(outcome, "server:alert")).toEqual([
      {
        to: { everyone: true },
        payload: { text: "restarting in 5 minutes", from: "root", createdAt: TEST_START.toISOString() },
      },
    ]);
    const { entries } = await t.runOk(root, "audit:log", { limit: 1 });
    expect(entries[0]).toMatchObject({ action: "alert", actor: "root", detail: "restarting in 5 minutes" });
  });

  it("is refused to users who are not admins, and sends nothing", async () => {
    const t = createTestDomain();
    await t.registerAdmin("root");
    const alice = await t.registerUser("alice");
    const outcome = await t.run(alice, "server:alert", { text: "free pizza" });
    expect(codeOf(outcome)).toBe("FORBIDDEN");
    expect(outcome.effects).toEqual([]);
  });

  it("refuses blank or overlong text", async () => {
    const t = createTestDomain();
    const root = await t.registerAdmin("root");
    expect(codeOf(await t.run(root, "server:alert", { text: " " }))).toBe("INVALID_PAYLOAD");
    expect(codeOf(await t.run(root, "server:alert", { text: "x".repeat(501) }))).toBe("INVALID_PAYLOAD");
  });
});
