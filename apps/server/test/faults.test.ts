import type { Store } from "@canaduck/domain";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { applyEffects } from "../src/realtime/apply-effects";
import type { ConnectReads } from "../src/realtime/connect-batches";
import type { PresenceRegistry } from "../src/scale/presence-registry";
import { call, TestServer } from "./harness";

/** A failure a test arms; the stage it sits in throws it once, then works again. */
class Fault {
  private armed = false;
  arm(): void {
    this.armed = true;
  }
  trip(): void {
    if (!this.armed) return;
    this.armed = false;
    // Not a database error: the kind of bug nothing upstream expects.
    throw new TypeError("injected fault");
  }
}

describe("a fault at any stage of a command", () => {
  const store = new Fault();
  const effects = new Fault();
  const binding = new Fault();
  let redisDown = false;
  const down = () => (redisDown ? Promise.reject(new Error("injected: Redis unreachable")) : undefined);

  let server: TestServer;
  beforeEach(async () => {
    redisDown = false;
    server = await new TestServer(
      {},
      {
        store: (inner): Store => ({
          transaction: async (work) => {
            store.trip();
            return inner.transaction(work);
          },
          bulkTransaction: async (work) => {
            store.trip();
            return inner.bulkTransaction(work);
          },
          read: (work) => inner.read(work),
          readSnapshot: (work) => inner.readSnapshot(work),
        }),
        applyEffects: async (target, list) => {
          if (list.length > 0) effects.trip();
          return applyEffects(target, list);
        },
        reads: (inner): ConnectReads => ({
          authenticate: (token) => inner.authenticate(token),
          presenceSubject: async (userId) => {
            binding.trip();
            return inner.presenceSubject(userId);
          },
        }),
        presence: (inner): PresenceRegistry => ({
          onlineAmong: (ids) => down() ?? inner.onlineAmong(ids),
          connected: (id) => down() ?? inner.connected(id),
          disconnected: (id) => down() ?? inner.disconnected(id),
          close: () => inner.close(),
        }),
      },
    ).start();
  });
  afterEach(() => server.dispose());

  const stillServing = async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
  };

  it("store: a transaction throwing is answered INTERNAL and the next command succeeds", async () => {
    const alice = await server.user("alice");
    store.arm();
    const failed = await alice.send("channel:join", { channel: "#dev" });
    expect(failed.ok || failed.error.code).toBe("INTERNAL");
    await alice.do("channel:join", { channel: "#dev" });
    await alice.do("message:send", { target: "#dev", text: "after the fault" });
    await stillServing();
  });

  it("effects: applying a committed command's effects throwing is answered and the connection goes on", async () => {
    const alice = await server.user("alice");
    effects.arm();
    const failed = await alice.send("channel:join", { channel: "#dev" });
    expect(failed.ok || failed.error.code).toBe("INTERNAL");
    const sent = await alice.do("message:send", { target: "#dev", text: "after the fault" });
    expect(sent.message.text).toBe("after the fault");
    await stillServing();
  });

  it("binding: the read after a login's commit failing is answered, and logging in again works", async () => {
    await server.user("alice", "right password");
    const anon = await server.connect();
    binding.arm();
    const failed = await call(anon, "auth:login", { name: "alice", password: "right password" });
    expect(failed.ok || failed.error.code).toBe("INTERNAL");
    const again = await call(anon, "auth:login", { name: "alice", password: "right password" });
    expect(again.ok && again.data.user.name).toBe("alice");
    const joined = await call(anon, "channel:join", { channel: "#dev" });
    expect(joined.ok).toBe(true);
    await stillServing();
  });

  it("Redis: with the presence registry failing, a login still succeeds and the connection keeps answering", async () => {
    await server.user("bob", "right password");
    redisDown = true;
    const anon = await server.connect();
    const login = await call(anon, "auth:login", { name: "bob", password: "right password" });
    expect(login.ok).toBe(true);
    // Chat does not need presence: only who is online goes unannounced.
    const during = await call(anon, "channel:join", { channel: "#dev" });
    expect(during.ok).toBe(true);
    redisDown = false;
    const sent = await call(anon, "message:send", { target: "#dev", text: "Redis is back" });
    expect(sent.ok).toBe(true);
    await stillServing();
  });
});
