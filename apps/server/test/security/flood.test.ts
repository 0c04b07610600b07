import { afterEach, describe, expect, it } from "vitest";
import { TestServer, type ChatClient } from "../harness";
import { codeOf, emitRaw } from "./attack-kit";

/** Time from alice's send until bob holds the line. */
async function roundTrip(alice: ChatClient, bob: ChatClient, text: string): Promise<number> {
  const started = performance.now();
  const heard = bob.next("message:new", (m) => m.text === text);
  await alice.do("message:send", { target: "#dev", text });
  await heard;
  return performance.now() - started;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

describe("a flood is throttled while other users are unaffected", () => {
  let server: TestServer | undefined;
  afterEach(() => server?.dispose());

  it("answers a user's message flood with RATE_LIMITED and a retry delay; bystanders at the same address chat on", async () => {
    server = await new TestServer().start();
    const alice = await server.user("alice");
    const bob = await server.user("bob");
    const mallory = await server.user("mallory");
    for (const c of [alice, bob, mallory]) await c.do("channel:join", { channel: "#dev" });

    const baseline: number[] = [];
    for (let i = 0; i < 5; i++) baseline.push(await roundTrip(alice, bob, `calm ${i}`));

    // 800 sends, 8 in flight at a time (under the connection's queue cap, so the limiter is what answers).
    const codes: string[] = [];
    const retryAfter: number[] = [];
    let next = 0;
    const flood = Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < 800) {
          next += 1;
          const ack = await emitRaw(mallory.socket, "message:send", { target: "#dev", text: `spam ${next}` });
          codes.push(codeOf(ack));
          if (!ack.ok && ack.error.retryAfterMs !== undefined) retryAfter.push(ack.error.retryAfterMs);
        }
      }),
    );
    const started = performance.now();
    let floodMs = Infinity;
    void flood.then(() => (floodMs = performance.now() - started));
    const during: number[] = [];
    for (let i = 0; i < 5; i++) during.push(await roundTrip(alice, bob, `during ${i}`));
    const chatMs = performance.now() - started;
    await flood;

    // The default allows 60 messages per 30 s per user; the rest were refused, each saying how long to wait.
    expect(codes.filter((c) => c === "ok")).toHaveLength(60);
    expect(codes.filter((c) => c === "RATE_LIMITED")).toHaveLength(740);
    expect(retryAfter).toHaveLength(740);
    expect(Math.min(...retryAfter)).toBeGreaterThan(0);
    expect(Math.max(...retryAfter)).toBeLessThanOrEqual(30_000);
    // Alice, at the same address, was never refused, and her lines kept arriving at their usual pace.
    console.log(
      `bystander round trip: calm median ${median(baseline).toFixed(1)} ms, under flood max ${Math.max(...during).toFixed(1)} ms; five took ${chatMs.toFixed(0)} ms, the flood ${floodMs.toFixed(0)} ms`,
    );
    // Measured against the flood in the same run: her five lines arrived while it was still going, not queued behind it.
    expect(chatMs).toBeLessThan(floodMs);
    expect(await alice.send("message:send", { target: "#dev", text: "after the flood" })).toMatchObject({ ok: true });
    // Bob never saw more of mallory than the limit let through.
    const { messages } = await bob.do("history:read", { target: "#dev", limit: 200 });
    expect(messages.filter((m) => m.author?.name === "mallory" && m.kind === "text")).toHaveLength(60);
  });

  it("throttles joins per user, and a shared address as a whole", async () => {
    server = await new TestServer({ RATE_JOIN_PER_USER: "5/1m", RATE_JOIN_PER_ADDRESS: "8/1m" }).start();
    const mallory = await server.user("mallory");
    const trudy = await server.user("trudy");
    const joins: string[] = [];
    for (let i = 0; i < 7; i++) joins.push(codeOf(await mallory.send("channel:join", { channel: `#m${i}` })));
    expect(joins).toEqual(["ok", "ok", "ok", "ok", "ok", "RATE_LIMITED", "RATE_LIMITED"]);
    // Mallory's refused joins spent nothing of the address's budget: trudy has the 3 joins left in it.
    const theirs: string[] = [];
    for (let i = 0; i < 4; i++) theirs.push(codeOf(await trudy.send("channel:join", { channel: `#t${i}` })));
    expect(theirs).toEqual(["ok", "ok", "ok", "RATE_LIMITED"]);
    const refused = await trudy.send("channel:join", { channel: "#t9" });
    expect(refused.ok ? null : refused.error).toMatchObject({
      code: "RATE_LIMITED",
      message: expect.stringContaining("Too many joins") as unknown,
    });
  });

  it("stops a user at the channel limit with TOO_MANY_CHANNELS", async () => {
    server = await new TestServer({ MAX_CHANNELS_PER_USER: "3" }).start();
    const alice = await server.user("alice");
    for (const name of ["#a", "#b", "#c"]) await alice.do("channel:join", { channel: name });
    expect(codeOf(await alice.send("channel:join", { channel: "#d" }))).toBe("TOO_MANY_CHANNELS");
    await alice.do("channel:part", { channel: "#a" });
    expect(codeOf(await alice.send("channel:join", { channel: "#d" }))).toBe("ok");
  });
});
