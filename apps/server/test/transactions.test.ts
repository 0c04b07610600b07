import { afterEach, describe, expect, it } from "vitest";
import { TestServer } from "./harness";

/** How many database transactions the server has run, from its own metrics. */
async function transactions(server: TestServer): Promise<number> {
  const body = await (await fetch(`${server.url}/metrics`)).text();
  const count = /canaduck_db_transaction_seconds_count (\d+)/.exec(body)?.[1];
  if (count === undefined) throw new Error("no transaction count in /metrics");
  return Number(count);
}

describe("commands that write nothing", () => {
  let server: TestServer | undefined;
  afterEach(() => server?.dispose());

  it("answer typing:set and server:help through the database without opening a transaction", async () => {
    server = await new TestServer().start();
    const alice = await server.user("alice");
    const bob = await server.user("bob");
    for (const c of [alice, bob]) await c.do("channel:join", { channel: "#dev" });
    await alice.do("message:send", { target: "bob", text: "hi" });

    const before = await transactions(server);
    const heard = bob.next("typing:changed", (e) => e.user.name === "alice" && e.typing);
    await alice.do("typing:set", { target: "#dev", typing: true });
    await heard;
    await alice.do("typing:set", { target: "bob", typing: false });
    expect((await alice.do("server:help", {})).lines.length).toBeGreaterThan(0);
    // Still refused as before, without a transaction either.
    expect(await alice.send("typing:set", { target: "#nowhere", typing: true })).toMatchObject({
      ok: false,
      error: { code: "NO_SUCH_CHANNEL" },
    });
    expect(await transactions(server)).toBe(before);

    await alice.do("message:send", { target: "#dev", text: "a write still takes one" });
    expect(await transactions(server)).toBeGreaterThan(before);
  });
});
