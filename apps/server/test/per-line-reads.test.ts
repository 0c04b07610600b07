import type { Store } from "@canaduck/domain";
import { afterEach, describe, expect, it } from "vitest";
import { TestServer } from "./harness";

/** The store, with its read transactions counted while `counting` is on. */
function countingReads(): { seam: (store: Store) => Store; counted: () => number; count: (on: boolean) => void } {
  let reads = 0;
  let counting = false;
  const seam = (store: Store): Store =>
    new Proxy(store, {
      get(target, property) {
        if (property === "read")
          return (work: Parameters<Store["read"]>[0]) => {
            if (counting) reads += 1;
            return target.read(work);
          };
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
  return { seam, counted: () => reads, count: (on) => void (counting = on) };
}

/**
 * What the server does after a line is committed (webhooks, link previews …) must not cost a
 * database read per line for the channels that use none of it: one such read cut the persisted
 * throughput to a sixth (session 12's bench), and no functional test noticed.
 */
describe("work done per line beyond its own transaction", () => {
  let server: TestServer | undefined;
  afterEach(() => server?.dispose());

  it("sends 50 lines into a channel without webhooks or links with no read transaction per line", async () => {
    const reads = countingReads();
    server = await new TestServer({}, { store: reads.seam }).start();
    const alice = await server.user("alice");
    const bob = await server.user("bob");
    await alice.do("channel:join", { channel: "#dev" });
    await bob.do("channel:join", { channel: "#dev" });
    reads.count(true);
    const last = bob.next("message:new", (m) => m.text === "line 49");
    for (let i = 0; i < 50; i++) await alice.do("message:send", { target: "#dev", text: `line ${i}` });
    await last;
    // What observers start after a line's effects has had its turn.
    await new Promise((resolve) => setTimeout(resolve, 200));
    reads.count(false);
    expect(reads.counted()).toBeLessThan(5);
  });
});
