import { limits } from "@canaduck/contract";
import { describe, expect, it } from "vitest";
import { codeOf, createTestDomain, devChannel, emitted } from "../testing";

describe("user:ignore and user:unignore", () => {
  it("keeps the list on the server, in session state, and tells the user's other devices", async () => {
    const t = createTestDomain();
    const { alice, bob, carol } = await devChannel(t);
    const outcome = await t.run(alice, "user:ignore", { nick: "Bob" });
    const list = [{ id: bob.userId, name: "bob" }];
    expect(outcome.ack).toEqual({ ok: true, data: { ignored: list } });
    expect(emitted(outcome, "ignore:changed")).toEqual([{ to: { user: alice.userId }, payload: { ignored: list } }]);
    await t.runOk(alice, "user:ignore", { nick: "carol" });
    // Ignoring again keeps one row and the order of the first ignore.
    await t.runOk(alice, "user:ignore", { nick: "bob" });
    const both = [...list, { id: carol.userId, name: "carol" }];
    expect((await t.runOk(alice, "session:state", {})).ignored).toEqual(both);
    expect((await t.runOk(alice, "session:sync", { conversations: [] })).ignored).toEqual(both);
    // A rename shows under the new name.
    await t.runOk(bob, "user:nick", { nick: "bobby" });
    expect((await t.runOk(alice, "session:state", {})).ignored[0]?.name).toBe("bobby");
    expect((await t.runOk(bob, "session:state", {})).ignored).toEqual([]);
    const unignored = await t.run(alice, "user:unignore", { nick: "bobby" });
    expect(emitted(unignored, "ignore:changed").map((e) => e.payload.ignored)).toEqual([
      [{ id: carol.userId, name: "carol" }],
    ]);
    expect(codeOf(await t.run(alice, "user:unignore", { nick: "bobby" }))).toBe("ok");
  });

  it("refuses oneself, an unknown nick, and more than the limit, changing nothing", async () => {
    const t = createTestDomain();
    const { alice } = await devChannel(t);
    expect(codeOf(await t.run(alice, "user:ignore", { nick: "alice" }))).toBe("INVALID_PAYLOAD");
    expect(codeOf(await t.run(alice, "user:ignore", { nick: "ghost" }))).toBe("NO_SUCH_USER");
    expect(codeOf(await t.run(alice, "user:unignore", { nick: "ghost" }))).toBe("NO_SUCH_USER");
    for (let i = 0; i < limits.ignoredUsersMax; i++) {
      await t.registerUser(`u${i}`);
      await t.runOk(alice, "user:ignore", { nick: `u${i}` });
    }
    await t.registerUser("onemore");
    expect(codeOf(await t.run(alice, "user:ignore", { nick: "onemore" }))).toBe("TOO_MANY_IGNORED");
    expect((await t.runOk(alice, "session:state", {})).ignored).toHaveLength(limits.ignoredUsersMax);
  });
});
