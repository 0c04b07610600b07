import type { ClientEventName, ClientEventPayload } from "@canaduck/contract";
import { describe, expect, it } from "vitest";
import type { Actor } from "./actor";
import { execute } from "./dispatch";
import type { DomainDeps, Store } from "./ports";
import { codeOf, createTestDomain, devChannel, type TestDomain } from "./testing";

/** The test domain's store, counting the transactions it opens. */
function counting(t: TestDomain): { deps: DomainDeps; transactions: () => number } {
  let transactions = 0;
  const store: Store = {
    transaction: (work) => {
      transactions += 1;
      return t.store.transaction(work);
    },
    read: (work) => t.store.read(work),
    readSnapshot: (work) => t.store.readSnapshot(work),
    bulkTransaction: (work) => {
      transactions += 1;
      return t.store.bulkTransaction(work);
    },
  };
  return { deps: { ...t.deps, store }, transactions: () => transactions };
}

async function transactionsFor<E extends ClientEventName>(
  t: TestDomain,
  actor: Actor,
  event: E,
  payload: ClientEventPayload<E>,
) {
  const { deps, transactions } = counting(t);
  const outcome = await execute(deps, actor, event, payload);
  return { code: codeOf(outcome), transactions: transactions() };
}

describe("commands that write nothing run outside any transaction", () => {
  it("answers typing:set and server:help without opening a transaction", async () => {
    const t = createTestDomain();
    const { alice, bob } = await devChannel(t);
    await t.runOk(alice, "message:send", { target: "bob", text: "hi" });
    expect(await transactionsFor(t, bob, "typing:set", { target: "#dev", typing: true })).toEqual({
      code: "ok",
      transactions: 0,
    });
    expect(await transactionsFor(t, bob, "typing:set", { target: "alice", typing: true })).toEqual({
      code: "ok",
      transactions: 0,
    });
    expect(await transactionsFor(t, bob, "server:help", {})).toEqual({ code: "ok", transactions: 0 });
    // …while a command that writes still opens its one.
    expect(await transactionsFor(t, bob, "message:send", { target: "#dev", text: "x" })).toEqual({
      code: "ok",
      transactions: 1,
    });
  });

  it("still refuses an ended or expired session, an outsider and a banned user", async () => {
    const t = createTestDomain({ sessionTtlMs: 60_000 });
    const { alice, bob, carol } = await devChannel(t);
    const dave = await t.registerUser("dave");
    await t.runOk(dave, "channel:join", { channel: "#dev" });
    await t.runOk(dave, "auth:logout", {});
    expect(await transactionsFor(t, dave, "typing:set", { target: "#dev", typing: true })).toEqual({
      code: "NOT_AUTHENTICATED",
      transactions: 0,
    });
    expect(await transactionsFor(t, dave, "server:help", {})).toEqual({ code: "NOT_AUTHENTICATED", transactions: 0 });
    expect(await transactionsFor(t, carol, "typing:set", { target: "#dev", typing: true })).toEqual({
      code: "NOT_A_MEMBER",
      transactions: 0,
    });
    expect(await transactionsFor(t, bob, "typing:set", { target: "#nowhere", typing: true })).toEqual({
      code: "NO_SUCH_CHANNEL",
      transactions: 0,
    });
    await t.runOk(alice, "channel:ban", { channel: "#dev", nick: "bob", durationSeconds: 30 });
    expect(await transactionsFor(t, bob, "typing:set", { target: "#dev", typing: true })).toEqual({
      code: "BANNED",
      transactions: 0,
    });
    t.clock.advance(61_000);
    expect(await transactionsFor(t, alice, "server:help", {})).toEqual({ code: "SESSION_EXPIRED", transactions: 0 });
  });
});
