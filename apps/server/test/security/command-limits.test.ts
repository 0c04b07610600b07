import { afterEach, describe, expect, it } from "vitest";
import { TestServer } from "../harness";

const codeOf = (ack: { ok: boolean; error?: { code: string; retryAfterMs?: number } }) =>
  ack.ok ? "ok" : (ack.error?.code ?? "?");

describe("every command has a rate limit", () => {
  let server: TestServer | undefined;
  afterEach(() => server?.dispose());

  it("typing notices, reads and other commands past their budgets are refused RATE_LIMITED with a retry delay; a neighbour chats on", async () => {
    server = await new TestServer({
      RATE_TYPING_PER_USER: "5/30s",
      RATE_READ_PER_USER: "5/30s",
      RATE_COMMAND_PER_USER: "3/30s",
    }).start();
    const mallory = await server.user("mallory");
    const alice = await server.user("alice");
    await mallory.do("channel:join", { channel: "#dev" });
    await alice.do("channel:join", { channel: "#dev" });

    // Fired at once, as a flood is: the first five go through, the rest are refused.
    const typing = await Promise.all(
      Array.from({ length: 20 }, () => mallory.send("typing:set", { target: "#dev", typing: true })),
    );
    expect(typing.map(codeOf)).toEqual([...Array<string>(5).fill("ok"), ...Array<string>(15).fill("RATE_LIMITED")]);
    const refused = typing.at(-1);
    expect(refused && !refused.ok && refused.error.retryAfterMs).toBeGreaterThan(0);
    expect(refused && !refused.ok && refused.error.message).toMatch(/^Too many typing notices; try again in \d+ s\.$/);

    const reads = await Promise.all(
      [
        mallory.send("channel:who", { channel: "#dev" }),
        mallory.send("channel:list", {}),
        mallory.send("session:state", {}),
        mallory.send("history:read", { target: "#dev" }),
        mallory.send("session:list", {}),
      ].concat(Array.from({ length: 10 }, () => mallory.send("channel:who", { channel: "#dev" }))),
    );
    expect(reads.map(codeOf)).toEqual([...Array<string>(5).fill("ok"), ...Array<string>(10).fill("RATE_LIMITED")]);

    const topics = await Promise.all(
      Array.from({ length: 6 }, (_, i) => mallory.send("channel:topic", { channel: "#dev", topic: `t${i}` })),
    );
    expect(topics.map(codeOf)).toEqual(["ok", "ok", "ok", "RATE_LIMITED", "RATE_LIMITED", "RATE_LIMITED"]);

    // Per user: alice, at the same address, is not held back by mallory's flood.
    await alice.do("typing:set", { target: "#dev", typing: true });
    await alice.do("channel:who", { channel: "#dev" });
    await alice.do("message:send", { target: "#dev", text: "still here" });
  });

  it("history:read is bounded by the bytes its pages carry, not only by their count", async () => {
    server = await new TestServer({ RATE_READ_KIB_PER_USER: "200/30s", RATE_SEND_PER_USER: "100/30s" }).start();
    const alice = await server.user("alice");
    await alice.do("channel:join", { channel: "#big" });
    for (let i = 0; i < 25; i++) await alice.do("message:send", { target: "#big", text: `${i} ${"x".repeat(3990)}` });
    // About 100 KiB a page of 25 lines: two pages spend the budget, the third is refused.
    const pages = [];
    for (let i = 0; i < 4; i++) pages.push(await alice.send("history:read", { target: "#big", limit: 25 }));
    expect(pages.map(codeOf)).toEqual(["ok", "ok", "RATE_LIMITED", "RATE_LIMITED"]);
    const last = pages.at(-1);
    expect(last && !last.ok && last.error.message).toMatch(/^Too many bytes read; try again in \d+ s\.$/);
    // Lines that arrive are not reads: a user who read a lot still hears the channel.
    const heard = alice.next("message:new", (m) => m.text === "new line");
    await alice.do("message:send", { target: "#big", text: "new line" });
    await heard;
  });

  it("closes a connection that keeps sending after RATE_LIMITED; the user reconnects and chats", async () => {
    server = await new TestServer({ RATE_TYPING_PER_USER: "5/30s" }).start();
    const mallory = await server.user("mallory");
    await mallory.do("channel:join", { channel: "#dev" });
    const closed = new Promise((resolve) => mallory.socket.once("disconnect", resolve));
    // Fired in waves, as a flooder that ignores retryAfterMs does; the queue holds 64 at a time.
    for (let wave = 0; wave < 40 && mallory.socket.connected; wave++)
      await Promise.all(
        Array.from({ length: 50 }, () =>
          mallory.send("typing:set", { target: "#dev", typing: true }).catch(() => undefined),
        ),
      ).catch(() => undefined);
    await closed;
    const again = await server.connect({ token: mallory.token });
    const sent = await new Promise((resolve) =>
      again.emit("message:send", { target: "#dev", text: "back" }, (ack: { ok: boolean }) => resolve(ack.ok)),
    );
    expect(sent).toBe(true);
  });

  it("RATE_LIMITS=off lifts them all", async () => {
    server = await new TestServer({ RATE_LIMITS: "off", RATE_TYPING_PER_USER: "1/30s" }).start();
    const mallory = await server.user("mallory");
    await mallory.do("channel:join", { channel: "#dev" });
    const typing = await Promise.all(
      Array.from({ length: 30 }, () => mallory.send("typing:set", { target: "#dev", typing: true })),
    );
    expect(typing.map(codeOf)).toEqual(Array<string>(30).fill("ok"));
  });

  it("RATE_LIMITS=off never closes a connection for offering more than its queue holds", async () => {
    server = await new TestServer({ RATE_LIMITS: "off" }).start();
    const bench = await server.user("bench");
    await bench.do("channel:join", { channel: "#dev" });
    let refused = 0;
    // Waves of 200 against a queue of 64: well past the thousand refusals that close a flooder.
    for (let wave = 0; wave < 10; wave++) {
      const answers = await Promise.all(
        Array.from({ length: 200 }, () => bench.send("typing:set", { target: "#dev", typing: true })),
      );
      refused += answers.filter((a) => codeOf(a) === "RATE_LIMITED").length;
    }
    expect(refused).toBeGreaterThan(1_000);
    expect(bench.socket.connected).toBe(true);
    expect(codeOf(await bench.send("message:send", { target: "#dev", text: "still here" }))).toBe("ok");
  });
});
