import { clientEventNames, type ClientEventName, type ClientEventPayload } from "@canaduck/contract";
import { describe, expect, it } from "vitest";
import { anonymous, type Actor } from "./actor";
import { execute } from "./dispatch";
import { StoreUnavailableError } from "./ports";
import { codeOf, createTestDomain, devChannel, passwordOf, type TestDomain } from "./testing";

/** A valid payload for every client event, so each can be sent by any actor. */
const samples: { [E in ClientEventName]: ClientEventPayload<E> } = {
  "auth:register": { name: "newcomer", password: "password1" },
  "auth:login": { name: "alice", password: passwordOf("alice") },
  "auth:logout": {},
  "session:state": {},
  "session:sync": { conversations: [] },
  "session:quit": {},
  "session:list": {},
  "session:revoke": { sessionId: "no-such-session" },
  "token:create": { name: "ci", scopes: ["read"] },
  "token:list": {},
  "token:revoke": { tokenId: "no-such-token" },
  "bot:create": { name: "dicebot" },
  "bot:list": {},
  "webhook:create": { channel: "#dev", url: "https://hooks.example.com/in" },
  "webhook:create-incoming": { channel: "#dev", name: "deploybot" },
  "webhook:list": { channel: "#dev" },
  "webhook:delete": { webhookId: "no-such-webhook" },
  "webhook:deliveries": { webhookId: "no-such-webhook" },
  "user:nick": { nick: "alicia" },
  "user:suspend": { nick: "bob" },
  "user:unsuspend": { nick: "bob" },
  "channel:join": { channel: "#dev" },
  "channel:part": { channel: "#dev" },
  "channel:topic": { channel: "#dev" },
  "channel:mode": { channel: "#dev", inviteOnly: true },
  "channel:invite": { channel: "#dev", nick: "carol" },
  "channel:kick": { channel: "#dev", nick: "bob" },
  "channel:ban": { channel: "#dev", nick: "bob" },
  "channel:unban": { channel: "#dev", nick: "bob" },
  "channel:bans": { channel: "#dev" },
  "channel:op": { channel: "#dev", nick: "bob" },
  "channel:deop": { channel: "#dev", nick: "bob" },
  "direct:close": { nick: "bob" },
  "direct:open": { nick: "bob" },
  "channel:list": {},
  "channel:who": { channel: "#dev" },
  "message:send": { target: "#dev", text: "hi" },
  "message:edit": { target: "#dev", seq: 1, text: "hi again" },
  "message:delete": { target: "#dev", seq: 1 },
  "message:react": { target: "#dev", seq: 1, emoji: "👍" },
  "message:unreact": { target: "#dev", seq: 1, emoji: "👍" },
  "read:mark": { target: "#dev", seq: 1 },
  "history:read": { target: "#dev" },
  "search:query": { query: "hello" },
  "audit:log": {},
  "server:alert": { text: "hello all" },
  "server:help": {},
  "typing:set": { target: "#dev", typing: true },
  "user:away": { message: "lunch" },
  "user:whois": { nick: "bob" },
  "user:ignore": { nick: "bob" },
  "user:unignore": { nick: "bob" },
  "settings:update": { theme: "dark" },
};

const authEvents: readonly string[] = ["auth:register", "auth:login"];
const userEvents = clientEventNames.filter((event) => !authEvents.includes(event));

async function codesFor(t: TestDomain, actor: Actor, events: readonly ClientEventName[]) {
  const codes: Record<string, string> = {};
  for (const event of events) codes[event] = codeOf(await execute(t.deps, actor, event, samples[event]));
  return codes;
}

const every = (events: readonly string[], code: string) => Object.fromEntries(events.map((event) => [event, code]));

describe("execute", () => {
  it("refuses an event the contract does not declare", async () => {
    const t = createTestDomain();
    const alice = await t.registerUser("alice");
    for (const event of ["nope", "", "constructor", "__proto__", "toString", "channel:JOIN"]) {
      const outcome = await execute(t.deps, alice, event, {});
      expect(codeOf(outcome)).toBe("UNKNOWN_EVENT");
      expect(outcome.effects).toEqual([]);
    }
  });

  it("refuses a payload that does not match the event's schema, naming the field", async () => {
    const t = createTestDomain();
    const alice = await t.registerUser("alice");
    for (const payload of [undefined, null, "#dev", ["#dev"], 42, {}, { channel: 7 }, { channel: "dev" }]) {
      expect(codeOf(await execute(t.deps, alice, "channel:join", payload))).toBe("INVALID_PAYLOAD");
    }
    const outcome = await execute(t.deps, alice, "message:send", { target: "#dev", text: 5 });
    expect(codeOf(outcome)).toBe("INVALID_PAYLOAD");
    expect(outcome.ack.ok ? "" : outcome.ack.error.message).toContain("text");
    expect(codeOf(await execute(t.deps, alice, "session:state", undefined))).toBe("INVALID_PAYLOAD");
  });

  it("answers an anonymous actor NOT_AUTHENTICATED on every event but register and login", async () => {
    const t = createTestDomain();
    await devChannel(t);
    const before = t.store.snapshot();
    expect(await codesFor(t, anonymous, userEvents)).toEqual(every(userEvents, "NOT_AUTHENTICATED"));
    expect(t.store.snapshot()).toEqual(before);
  });

  it("answers a logged-in actor ALREADY_AUTHENTICATED on register and login", async () => {
    const t = createTestDomain();
    const { alice } = await devChannel(t);
    expect(await codesFor(t, alice, ["auth:register", "auth:login"])).toEqual(
      every(authEvents, "ALREADY_AUTHENTICATED"),
    );
  });

  it("answers SESSION_EXPIRED on every event once the session expires", async () => {
    const t = createTestDomain({ sessionTtlMs: 60_000 });
    const { root } = await devChannel(t);
    t.clock.advance(59_999);
    expect(codeOf(await t.run(root, "session:state", {}))).toBe("ok");
    t.clock.advance(1);
    expect(await codesFor(t, root, userEvents)).toEqual(every(userEvents, "SESSION_EXPIRED"));
  });

  it("answers NOT_AUTHENTICATED on every event of a logged-out session", async () => {
    const t = createTestDomain();
    const { root } = await devChannel(t);
    await t.runOk(root, "auth:logout", {});
    expect(await codesFor(t, root, userEvents)).toEqual(every(userEvents, "NOT_AUTHENTICATED"));
  });

  it("answers UNAVAILABLE when the store cannot be reached, keeping the cause for the log", async () => {
    const t = createTestDomain();
    const { carol } = await devChannel(t);
    const down = new StoreUnavailableError("database is locked");
    t.store.failNext("channels.findByNameKey", down);
    const outcome = await t.run(carol, "channel:join", { channel: "#dev" });
    expect(codeOf(outcome)).toBe("UNAVAILABLE");
    expect(outcome.cause).toBe(down);
    expect(outcome.effects).toEqual([]);
    expect(codeOf(await t.run(carol, "channel:join", { channel: "#dev" }))).toBe("ok");
  });

  it("answers UNAVAILABLE when the store fails before the transaction, as login's lookup does", async () => {
    const t = createTestDomain();
    await t.registerUser("alice");
    t.store.failNext("users.findByNameKey", new StoreUnavailableError("database is locked"));
    expect(codeOf(await t.run(anonymous, "auth:login", samples["auth:login"]))).toBe("UNAVAILABLE");
  });

  it("answers INTERNAL on an unexpected error and leaves no partial state", async () => {
    const t = createTestDomain();
    const { carol } = await devChannel(t);
    const before = t.store.snapshot();
    const boom = new Error("disk on fire");
    // Joining a new channel creates it, adds the member and audits before the join line fails.
    t.store.failNext("messages.insert", boom);
    const outcome = await t.run(carol, "channel:join", { channel: "#new" });
    expect(outcome.ack).toEqual({
      ok: false,
      error: { code: "INTERNAL", message: "Something went wrong on the server." },
    });
    expect(outcome.cause).toBe(boom);
    expect(outcome.effects).toEqual([]);
    expect(t.store.snapshot()).toEqual(before);
    expect((await t.runOk(carol, "channel:join", { channel: "#new" })).channel).toMatchObject({
      role: "owner",
      lastSeq: 1,
    });
  });

  it("rolls back a kick that fails half way: the target stays and no line is numbered", async () => {
    const t = createTestDomain();
    const { alice } = await devChannel(t);
    t.store.failNext("memberships.remove", new Error("constraint violated"));
    expect(codeOf(await t.run(alice, "channel:kick", { channel: "#dev", nick: "bob" }))).toBe("INTERNAL");
    const { members } = await t.runOk(alice, "channel:who", { channel: "#dev" });
    expect(members.map((m) => m.name)).toEqual(["alice", "bob"]);
    expect((await t.runOk(alice, "message:send", { target: "#dev", text: "next" })).message.seq).toBe(3);
  });
});
