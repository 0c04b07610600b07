import { describe, expect, it } from "vitest";
import { anonymous } from "./actor";
import { authenticate, authenticateMany } from "./authenticate";
import { boundActor, createTestDomain, expectOk, passwordOf } from "./testing";

async function registered(sessionTtlMs = 60_000) {
  const t = createTestDomain({ sessionTtlMs });
  const outcome = await t.run(anonymous, "auth:register", { name: "alice", password: passwordOf("alice") });
  return { t, token: expectOk(outcome).token, actor: boundActor(outcome) };
}

describe("authenticate", () => {
  it("resolves a live token to the session's user", async () => {
    const { t, token, actor } = await registered();
    expect(await authenticate(t.deps, token)).toEqual(actor);
  });

  it("refuses an unknown token", async () => {
    const { t, token } = await registered();
    await expect(authenticate(t.deps, `${token}x`)).rejects.toMatchObject({ code: "NOT_AUTHENTICATED" });
    await expect(authenticate(t.deps, "")).rejects.toMatchObject({ code: "NOT_AUTHENTICATED" });
  });

  it("refuses a logged-out session's token", async () => {
    const { t, token, actor } = await registered();
    await t.runOk(actor, "auth:logout", {});
    await expect(authenticate(t.deps, token)).rejects.toMatchObject({ code: "NOT_AUTHENTICATED" });
  });

  it("refuses an expired token from the moment it expires", async () => {
    const { t, token } = await registered(60_000);
    t.clock.advance(59_999);
    await expect(authenticate(t.deps, token)).resolves.toMatchObject({ kind: "user" });
    t.clock.advance(1);
    await expect(authenticate(t.deps, token)).rejects.toMatchObject({ code: "SESSION_EXPIRED" });
  });

  it("answers many tokens in one read, each as it would be answered alone, repeats included", async () => {
    const { t, token, actor } = await registered(60_000);
    const bob = expectOk(await t.run(anonymous, "auth:register", { name: "bob", password: passwordOf("bob") }));
    const carol = await t.run(anonymous, "auth:register", { name: "carol", password: passwordOf("carol") });
    await t.runOk(boundActor(carol), "auth:logout", {});
    const answers = await authenticateMany(t.deps, [token, "nonsense", expectOk(carol).token, bob.token, token]);
    expect(answers.map((a) => ("code" in a ? a.code : a))).toEqual([
      actor,
      "NOT_AUTHENTICATED",
      "NOT_AUTHENTICATED",
      { kind: "user", userId: bob.user.id, sessionId: expect.any(String) as string },
      actor,
    ]);
  });
});
