import { limits, type Message } from "@canaduck/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, record, TestServer, type ChatClient, type ClientSocket } from "./harness";

/**
 * What users must see when many of them act at the same instant. SQLite runs one write
 * transaction at a time; PostgreSQL runs them side by side, so there these tests race real
 * transactions against each other (the suite runs again with TEST_DATABASE=postgres).
 */
describe("concurrent commands", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await new TestServer({ RATE_LIMITS: "off" }).start();
  });
  afterAll(() => server.dispose());

  /** Every line of a channel's history, oldest first, read page by page. */
  async function wholeHistory(client: ChatClient, target: string): Promise<Message[]> {
    const all: Message[] = [];
    for (let page = 0; page < 50; page++) {
      const { messages, hasMore } = await client.do("history:read", {
        target,
        after: all.at(-1)?.seq ?? 0,
        limit: limits.historyPageMax,
      });
      all.push(...messages);
      if (!hasMore) return all;
    }
    throw new Error("history did not end within 50 pages");
  }

  /** More connections of a user already logged in, each with its own command queue. */
  const devices = (user: ChatClient, count: number): Promise<ClientSocket[]> =>
    Promise.all(Array.from({ length: count }, () => server.connect({ token: user.token })));

  it("numbers 240 lines sent at once by 8 users to a busy server 1, 2, 3 … without a gap or a repeat, and every member sees them in that order", async () => {
    const users = await Promise.all(Array.from({ length: 8 }, (_, i) => server.user(`sender${i}`)));
    for (const user of users) await user.do("channel:join", { channel: "#busy" });
    const seenBy = users.map((user) => record(user.socket, "message:new"));

    // A loaded node: the event loop stalls now and then, so replies from the database pile up
    // and are read in whatever order the sockets are polled.
    const stalls = setInterval(() => {
      const until = performance.now() + 15;
      while (performance.now() < until);
    }, 25);
    const acks = await Promise.all(
      users.flatMap((user, u) =>
        Array.from({ length: 30 }, (_, i) => user.do("message:send", { target: "#busy", text: `${u}:${i}` })),
      ),
    ).finally(() => clearInterval(stalls));

    const sentSeqs = acks.map((ack) => ack.message.seq).sort((a, b) => a - b);
    expect(new Set(sentSeqs).size).toBe(240);
    const history = await wholeHistory(users[0] as ChatClient, "#busy");
    expect(history.map((m) => m.seq)).toEqual(Array.from({ length: history.length }, (_, i) => i + 1));
    expect(history.filter((m) => m.kind === "text").map((m) => m.seq)).toEqual(sentSeqs);
    const last = sentSeqs.at(-1) ?? 0;
    await expect
      .poll(() => seenBy.map((seen) => seen.filter((m) => m.kind === "text").length), { timeout: 10_000 })
      .toEqual(users.map(() => 240));
    for (const seen of seenBy) {
      const seqs = seen.filter((m) => m.seq <= last).map((m) => m.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    }
  });

  it("commits a burst of 60 sends from one connection in shared transactions, answers them in the order sent, and answers a later command after them", async () => {
    const user = await server.user("burster");
    await user.do("channel:join", { channel: "#burst" });
    const answered: string[] = [];
    const sends = Array.from({ length: 60 }, (_, i) =>
      user.do("message:send", { target: "#burst", text: `b${i}`, clientId: `burst-${i}` }).then((r) => {
        answered.push(r.message.text);
        return r.message;
      }),
    );
    const topic = user
      .do("channel:topic", { channel: "#burst", topic: "after the burst" })
      .then(() => answered.push("topic"));
    const messages = await Promise.all(sends);
    await topic;

    expect(answered).toEqual([...Array.from({ length: 60 }, (_, i) => `b${i}`), "topic"]);
    expect(messages.map((m) => m.seq)).toEqual(messages.map((_, i) => (messages[0]?.seq ?? 0) + i));
    // Read back as stored, every field (time included) is what the ack said.
    expect((await wholeHistory(user, "#burst")).filter((m) => m.kind === "text")).toEqual(messages);
    const metrics = await fetch(`${server.url}/metrics`).then((r) => r.text());
    const batches = Number(/^canaduck_send_batch_size_count (\d+)/m.exec(metrics)?.[1]);
    const batched = Number(/^canaduck_send_batch_size_sum (\d+)/m.exec(metrics)?.[1]);
    // Far fewer commits than messages: the point of the group commit.
    expect(batched).toBeGreaterThanOrEqual(60);
    expect(batches).toBeLessThan(batched / 4);
    // …and none of them fell back to one transaction per send.
    expect(metrics).toMatch(/^canaduck_send_batch_failures_total 0$/m);
  });

  it("lets 12 users create and join one new channel at the same instant: one owner, 12 members, every join a line", async () => {
    const users = await Promise.all(Array.from({ length: 12 }, (_, i) => server.user(`joiner${i}`)));
    const joins = await Promise.all(users.map((user) => user.send("channel:join", { channel: "#rush" })));
    expect(joins.map((ack) => ack.ok || ack.error.code)).toEqual(users.map(() => true));
    const roles = joins.map((ack) => (ack.ok ? ack.data.channel.role : null));
    expect(roles.filter((role) => role === "owner")).toHaveLength(1);
    const who = await (users[0] as ChatClient).do("channel:who", { channel: "#rush" });
    expect(who.members).toHaveLength(12);
    const history = await wholeHistory(users[0] as ChatClient, "#rush");
    expect(history.filter((m) => m.kind === "join")).toHaveLength(12);
    expect(history.map((m) => m.seq)).toEqual(Array.from({ length: history.length }, (_, i) => i + 1));
  });

  it("answers one user joining from 6 devices at once the same way each time, with one membership", async () => {
    const user = await server.user("eager");
    const sockets = await devices(user, 6);
    const joins = await Promise.all(sockets.map((socket) => call(socket, "channel:join", { channel: "#twice" })));
    expect(joins.map((ack) => ack.ok && ack.data.channel.name)).toEqual(sockets.map(() => "#twice"));
    const history = await wholeHistory(user, "#twice");
    expect(history.filter((m) => m.kind === "join")).toHaveLength(1);
    expect((await user.do("channel:who", { channel: "#twice" })).members).toHaveLength(1);
  });

  it("stores a send retried from 6 devices at once a single time and answers each with that one message", async () => {
    const user = await server.user("retrier");
    await user.do("channel:join", { channel: "#retry" });
    const sockets = await devices(user, 6);
    for (let round = 0; round < 5; round++) {
      const clientId = `retry-${round}`;
      const acks = await Promise.all(
        sockets.map((socket) => call(socket, "message:send", { target: "#retry", text: `once ${round}`, clientId })),
      );
      const ids = acks.map((ack) => (ack.ok ? ack.data.message.id : ack.error.code));
      expect(new Set(ids).size, ids.join(", ")).toBe(1);
    }
    const history = await wholeHistory(user, "#retry");
    expect(history.filter((m) => m.kind === "text").map((m) => m.text)).toEqual(
      [0, 1, 2, 3, 4].map((round) => `once ${round}`),
    );
    expect(history.map((m) => m.seq)).toEqual(Array.from({ length: history.length }, (_, i) => i + 1));
  });

  it("opens one direct conversation when two users message each other for the first time at the same instant", async () => {
    for (let pair = 0; pair < 4; pair++) {
      const [left, right] = await Promise.all([server.user(`left${pair}`), server.user(`right${pair}`)]);
      const [there, back] = await Promise.all([
        left.do("message:send", { target: right.name, text: "hi" }),
        right.do("message:send", { target: left.name, text: "hello" }),
      ]);
      expect(there.message.channelId).toBe(back.message.channelId);
      expect([there.message.seq, back.message.seq].sort()).toEqual([1, 2]);
    }
  });

  it("registers a name claimed by 6 people at once for exactly one of them; the others are told it is taken", async () => {
    const sockets = await Promise.all(Array.from({ length: 6 }, () => server.connect()));
    const acks = await Promise.all(
      sockets.map((socket) => call(socket, "auth:register", { name: "popular", password: "correct horse battery" })),
    );
    const outcomes = acks.map((ack) => (ack.ok ? "ok" : ack.error.code)).sort();
    expect(outcomes).toEqual(["NICK_IN_USE", "NICK_IN_USE", "NICK_IN_USE", "NICK_IN_USE", "NICK_IN_USE", "ok"]);
  });
});
