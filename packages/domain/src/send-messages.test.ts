import { describe, expect, it } from "vitest";
import { anonymous } from "./actor";
import { authenticate } from "./authenticate";
import { sendMessages, type SendRequest } from "./send-messages";
import { codeOf, createTestDomain, devChannel, emitted, expectOk, type TestDomain } from "./testing";

/** #dev with alice (owner), bob (member), carol (outside), root (admin, outside); #ops with a ban on bob. */
async function scene(t: TestDomain) {
  const cast = await devChannel(t);
  const dave = await t.registerUser("dave");
  await t.runOk(dave, "channel:join", { channel: "#dev" });
  await t.runOk(cast.alice, "channel:join", { channel: "#ops" });
  await t.runOk(cast.bob, "channel:join", { channel: "#ops" });
  await t.runOk(cast.alice, "channel:ban", { channel: "#ops", nick: "bob" });
  await t.runOk(cast.bob, "message:send", { target: "#dev", text: "sent before", clientId: "early" });
  await t.runOk(dave, "auth:logout", {});
  const { token } = await t.runOk(cast.bob, "token:create", { name: "reader", scopes: ["read"] });
  const bobReading = await authenticate(t.deps, token);
  return { ...cast, dave, bobReading };
}

/** Every kind of send a batch may hold: accepted, retried, refused for each reason, a direct message and replies last. */
function mixedSends(cast: Awaited<ReturnType<typeof scene>>): SendRequest[] {
  const { alice, bob, carol, root, dave, bobReading } = cast;
  return [
    { actor: bob, payload: { target: "#dev", text: "one", clientId: "b1" } },
    { actor: alice, payload: { target: "#DEV", text: "waves", action: true } },
    { actor: carol, payload: { target: "#dev", text: "not in it" } },
    { actor: root, payload: { target: "#dev", text: "admins need to join too" } },
    { actor: bob, payload: { target: "#ops", text: "banned" } },
    { actor: bob, payload: { target: "#nowhere", text: "no such channel" } },
    { actor: dave, payload: { target: "#dev", text: "logged out" } },
    { actor: anonymous, payload: { target: "#dev", text: "who?" } },
    // A token without the write scope is refused in a batch as the dispatcher refuses it.
    { actor: bobReading, payload: { target: "#dev", text: "a read-only token" } },
    { actor: bob, payload: { target: "#dev", text: "" } },
    { actor: bob, payload: { target: "#dev", text: "sent before", clientId: "early" } },
    { actor: alice, payload: { target: "#ops", text: "two" } },
    { actor: bob, payload: { target: "#dev", text: "one", clientId: "b1" } },
    { actor: bob, payload: { target: "#dev", text: "three" } },
    { actor: alice, payload: { target: "bob", text: "a direct message" } },
    // Replies read the line they answer, so they go one by one after the batch, as direct messages do.
    { actor: alice, payload: { target: "#dev", text: "a reply", replyTo: 4 } },
    { actor: alice, payload: { target: "#dev", text: "a reply to a join line", replyTo: 1 } },
  ];
}

describe("sendMessages (a batch of message:send in one transaction)", () => {
  it("answers, stores and announces exactly as the same sends run one at a time", async () => {
    const alone = createTestDomain();
    const batched = createTestDomain();
    const aloneCast = await scene(alone);
    const batchedCast = await scene(batched);

    const expected = [];
    for (const { actor, payload } of mixedSends(aloneCast))
      expected.push(await alone.run(actor, "message:send", payload as never));
    const outcomes = await sendMessages(batched.deps, mixedSends(batchedCast));

    expect(outcomes.map(codeOf)).toEqual([
      "ok",
      "ok",
      "NOT_A_MEMBER",
      "NOT_A_MEMBER",
      "BANNED",
      "NO_SUCH_CHANNEL",
      "NOT_AUTHENTICATED",
      "NOT_AUTHENTICATED",
      "INSUFFICIENT_SCOPE",
      "INVALID_PAYLOAD",
      "ok",
      "ok",
      "ok",
      "ok",
      "ok",
      "ok",
      "NO_SUCH_MESSAGE",
    ]);
    expect(outcomes).toEqual(expected);
    const reply = outcomes[15];
    if (reply === undefined) throw new Error("the reply was answered");
    expect(expectOk(reply)).toMatchObject({
      message: { text: "a reply", replyTo: { seq: 4, excerpt: "sent before" } },
    });
    expect(batched.store.snapshot().messages).toEqual(alone.store.snapshot().messages);
  });

  it("numbers each channel's lines without gaps, in the order the sends came", async () => {
    const t = createTestDomain();
    const { alice, bob } = await devChannel(t);
    const before = expectOk(await t.run(bob, "message:send", { target: "#dev", text: "before" })).message.seq;
    const texts = ["a", "b", "c", "d", "e"];
    const outcomes = await sendMessages(
      t.deps,
      texts.map((text, i) => ({ actor: i % 2 ? alice : bob, payload: { target: "#dev", text } })),
    );
    expect(
      outcomes
        .map((o) => expectOk(o) as { message: { seq: number; text: string } })
        .map((r) => [r.message.seq, r.message.text]),
    ).toEqual(texts.map((text, i) => [before + 1 + i, text]));
    const { messages } = await t.runOk(bob, "history:read", { target: "#dev" });
    expect(messages.slice(-5).map((m) => m.text)).toEqual(texts);
  });

  it("stores a line sent twice with one clientId in the same batch once, and tells the channel once", async () => {
    const t = createTestDomain();
    const { bob, dev } = await devChannel(t);
    const twice = { actor: bob, payload: { target: "#dev", text: "once", clientId: "same" } };
    const [first, second] = await sendMessages(t.deps, [twice, twice]);
    if (!first || !second) throw new Error("two sends, two answers");
    expect(expectOk(second)).toEqual(expectOk(first));
    expect(emitted(first, "message:new").map((e) => e.to)).toEqual([{ channel: dev.id }]);
    expect(second.effects).toEqual([]);
    const { messages } = await t.runOk(bob, "history:read", { target: "#dev" });
    expect(messages.filter((m) => m.text === "once")).toHaveLength(1);
  });

  it("answers every send UNAVAILABLE and stores nothing when the database is down", async () => {
    const t = createTestDomain();
    const { bob } = await devChannel(t);
    const before = t.store.snapshot().messages.size;
    const { StoreUnavailableError } = await import("./ports");
    t.store.failNext("messages.insertMany", new StoreUnavailableError("disk gone"));
    const outcomes = await sendMessages(t.deps, [
      { actor: bob, payload: { target: "#dev", text: "x" } },
      { actor: bob, payload: { target: "#dev", text: "y" } },
    ]);
    expect(outcomes.map(codeOf)).toEqual(["UNAVAILABLE", "UNAVAILABLE"]);
    expect(t.store.snapshot().messages.size).toBe(before);
  });

  it("runs each send again on its own when the batch fails unexpectedly, so one bad send cannot sink the rest", async () => {
    const t = createTestDomain();
    const { bob, carol } = await devChannel(t);
    t.store.failNext("messages.insertMany", new Error("unique constraint failed: Message(authorId, clientId)"));
    const outcomes = await sendMessages(t.deps, [
      { actor: bob, payload: { target: "#dev", text: "kept", clientId: "k" } },
      { actor: carol, payload: { target: "#dev", text: "refused" } },
    ]);
    expect(outcomes.map(codeOf)).toEqual(["ok", "NOT_A_MEMBER"]);
    const { messages } = await t.runOk(bob, "history:read", { target: "#dev" });
    expect(messages.filter((m) => m.text === "kept")).toHaveLength(1);
  });
});
