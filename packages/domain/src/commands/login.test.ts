import { describe, expect, it } from "vitest";
import { anonymous } from "../actor";
import { execute } from "../dispatch";
import { boundActor, codeOf, createTestDomain, expectOk, passwordOf } from "../testing";

describe("auth:login", () => {
  it("opens a new session for the right password, the name in any case", async () => {
    const t = createTestDomain();
    const first = await t.registerUser("Alice");
    const outcome = await t.run(anonymous, "auth:login", { name: "ALICE", password: passwordOf("Alice") });
    expect(expectOk(outcome).user).toMatchObject({ id: first.userId, name: "Alice", isAdmin: false });
    const second = boundActor(outcome);
    expect(second.userId).toBe(first.userId);
    expect(second.sessionId).not.toBe(first.sessionId);
    expect(codeOf(await t.run(second, "session:state", {}))).toBe("ok");
  });

  it("gives the same error for an unknown name and a wrong password", async () => {
    const t = createTestDomain();
    await t.registerUser("alice");
    const unknown = await t.run(anonymous, "auth:login", { name: "mallory", password: passwordOf("alice") });
    const wrong = await t.run(anonymous, "auth:login", { name: "alice", password: "not-the-password" });
    expect(codeOf(unknown)).toBe("INVALID_CREDENTIALS");
    expect(wrong.ack).toEqual(unknown.ack);
    expect(wrong.effects).toEqual([]);
  });

  it("stores nothing when it fails", async () => {
    const t = createTestDomain();
    await t.registerUser("alice");
    const before = t.store.snapshot();
    await t.run(anonymous, "auth:login", { name: "alice", password: "not-the-password" });
    expect(t.store.snapshot()).toEqual(before);
  });

  it("refuses a connection that is already logged in", async () => {
    const t = createTestDomain();
    const alice = await t.registerUser("alice");
    const outcome = await t.run(alice, "auth:login", { name: "alice", password: passwordOf("alice") });
    expect(codeOf(outcome)).toBe("ALREADY_AUTHENTICATED");
  });

  it("refuses a payload without a password", async () => {
    const t = createTestDomain();
    expect(codeOf(await execute(t.deps, anonymous, "auth:login", { name: "alice" }))).toBe("INVALID_PAYLOAD");
  });
});
