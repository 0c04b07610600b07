import { describe, expect, it } from "vitest";
import { execute } from "./dispatch";
import type { Store } from "./ports";
import { codeOf, createTestDomain, devChannel, emitted, type TestDomain } from "./testing";

/** A store that, like the PostgreSQL one after a conflict, rolls back a first attempt and runs the work again. */
function retryingOnce(t: TestDomain): Store & { attempts: number } {
  const store = {
    attempts: 0,
    async transaction<T>(work: Parameters<Store["transaction"]>[0]): Promise<T> {
      try {
        return await t.store.transaction(async (tx) => {
          const result = (await work(tx)) as T;
          if (++store.attempts === 1) throw new Error("conflict");
          return result;
        });
      } catch {
        return (await t.store.transaction(async (tx) => {
          store.attempts++;
          return work(tx);
        })) as T;
      }
    },
    read: <T>(work: Parameters<Store["read"]>[0]): Promise<T> => t.store.read(work) as Promise<T>,
    readSnapshot: <T>(work: Parameters<Store["readSnapshot"]>[0]): Promise<T> =>
      t.store.readSnapshot(work) as Promise<T>,
    bulkTransaction<T>(work: Parameters<Store["bulkTransaction"]>[0]): Promise<T> {
      return this.transaction(work);
    },
  };
  return store;
}

describe("a transaction the store runs again", () => {
  it("announces only what the committed attempt did: one message, once, with the sequence it was stored under", async () => {
    const t = createTestDomain();
    const { alice } = await devChannel(t);
    const store = retryingOnce(t);
    const outcome = await execute({ ...t.deps, store }, alice, "message:send", { target: "#dev", text: "once" });
    expect(codeOf(outcome)).toBe("ok");
    expect(store.attempts).toBe(2);
    const sent = emitted(outcome, "message:new");
    expect(sent.map((e) => e.payload.text)).toEqual(["once"]);
    const history = await t.runOk(alice, "history:read", { target: "#dev" });
    expect(history.messages.filter((m) => m.text === "once").map((m) => m.seq)).toEqual(sent.map((e) => e.payload.seq));
  });

  it("subscribes a joiner once, not once per attempt", async () => {
    const t = createTestDomain();
    const { carol } = await devChannel(t);
    const outcome = await execute({ ...t.deps, store: retryingOnce(t) }, carol, "channel:join", { channel: "#dev" });
    expect(outcome.effects.filter((e) => e.type === "subscribe")).toHaveLength(1);
    expect(emitted(outcome, "channel:joined")).toHaveLength(1);
  });
});
