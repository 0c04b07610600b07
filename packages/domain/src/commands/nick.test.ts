import { describe, expect, it } from "vitest";
import { anonymous } from "../actor";
import { codeOf, createTestDomain, emitted, expectOk, passwordOf } from "../testing";

describe("user:nick", () => {
  it("renames the account and tells the user's channels and the user", async () => {
    const t = createTestDomain();
    const alice = await t.registerUser("alice");
    const { channel } = await t.runOk(alice, "channel:join", { channel: "#dev" });
    const outcome = await t.run(alice, "user:nick", { nick: "alicia" });
    expect(expectOk(outcome).user).toEqual({ id: alice.userId, name: "alicia", isAdmin: false });
    expect(emitted(outcome, "user:updated")).toEqual([
      {
        to: { channels: [channel.id], users: [alice.userId] },
        payload: { user: expectOk(outcome).user, previousName: "alice" },
      },
    ]);
    expect((await t.runOk(alice, "session:state", {})).user.name).toBe("alicia");
  });

  it("lets the user log in with the new name, and frees the old one", async () => {
    const t = createTestDomain();
    const alice = await t.registerUser("alice");
    await t.runOk(alice, "user:nick", { nick: "alicia" });
    expect(codeOf(await t.run(anonymous, "auth:login", { name: "alicia", password: passwordOf("alice") }))).toBe("ok");
    expect(codeOf(await t.run(anonymous, "auth:register", { name: "alice", password: "password1" }))).toBe("ok");
  });

  it("refuses a nick someone else holds, ignoring case", async () => {
    const t = createTestDomain();
    const alice = await t.registerUser("alice");
    await t.registerUser("Bob");
    const outcome = await t.run(alice, "user:nick", { nick: "bOB" });
    expect(codeOf(outcome)).toBe("NICK_IN_USE");
    expect((await t.runOk(alice, "session:state", {})).user.name).toBe("alice");
  });

  it("allows changing only the case of one's own nick", async () => {
    const t = createTestDomain();
    const alice = await t.registerUser("alice");
    expect(expectOk(await t.run(alice, "user:nick", { nick: "ALICE" })).user.name).toBe("ALICE");
  });

  it("refuses an invalid nick and an anonymous actor", async () => {
    const t = createTestDomain();
    const alice = await t.registerUser("alice");
    expect(codeOf(await t.run(alice, "user:nick", { nick: "#alice" }))).toBe("INVALID_PAYLOAD");
    expect(codeOf(await t.run(alice, "user:nick", { nick: "a".repeat(25) }))).toBe("INVALID_PAYLOAD");
    expect(codeOf(await t.run(anonymous, "user:nick", { nick: "bob" }))).toBe("NOT_AUTHENTICATED");
  });

  it("writes a nick line in each channel, not in direct conversations", async () => {
    const t = createTestDomain();
    const alice = await t.registerUser("alice");
    const bob = await t.registerUser("bob");
    const { channel } = await t.runOk(alice, "channel:join", { channel: "#dev" });
    await t.runOk(alice, "message:send", { target: "bob", text: "hi" });
    const outcome = await t.run(alice, "user:nick", { nick: "alicia" });
    expect(emitted(outcome, "message:new").map((e) => e.payload)).toMatchObject([
      {
        channelId: channel.id,
        kind: "nick",
        author: { id: alice.userId, name: "alicia" },
        meta: { previousName: "alice" },
      },
    ]);
    const { messages } = await t.runOk(bob, "history:read", { target: "alicia" });
    expect(messages.map((m) => m.kind)).toEqual(["text"]);
    // The same name again changes nothing, so it says nothing.
    expect(emitted(await t.run(alice, "user:nick", { nick: "alicia" }), "message:new")).toEqual([]);
  });
});
