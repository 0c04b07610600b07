import { randomUUID } from "node:crypto";
import { connect } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { limits } from "@canaduck/contract";
import { afterEach, describe, expect, it } from "vitest";
import { freshPostgresDatabase, logLines, TestServer, type ChatClient, type TestDatabase } from "../harness";
import { codeOf, request } from "./http-client";
import { SseConsumer } from "./sse-client";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

const servers: TestServer[] = [];
const consumers: SseConsumer[] = [];
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const consumer of consumers.splice(0)) consumer.close();
  for (const server of servers.splice(0)) await server.dispose();
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function started(env: Record<string, string> = {}): Promise<TestServer> {
  const server = await new TestServer({ RATE_LIMITS: "off", ...env }).start();
  servers.push(server);
  return server;
}

async function stream(server: TestServer, token: string | undefined, lastEventId?: string): Promise<SseConsumer> {
  const { consumer, response } = await SseConsumer.open(server.url, token, lastEventId);
  consumers.push(consumer);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
  await consumer.until(() => consumer.messages.some((m) => m.event === "stream:ready"));
  return consumer;
}

/** alice and bob in #dev; bob is the integration that reads the stream. */
async function twoInDev(server: TestServer): Promise<{ alice: ChatClient; bob: ChatClient }> {
  const alice = await server.user("alice");
  const bob = await server.user("bob");
  await alice.do("channel:join", { channel: "#dev" });
  await bob.do("channel:join", { channel: "#dev" });
  return { alice, bob };
}

const say = (who: ChatClient, text: string, target = "#dev") =>
  who.do("message:send", { target, text, clientId: randomUUID() });

describe("GET /api/v1/events (Server-Sent Events)", () => {
  it("streams a line a Socket.IO client posts, as the event a browser receives", async () => {
    const server = await started();
    const { alice, bob } = await twoInDev(server);
    const events = await stream(server, bob.token);
    const ready = events.messages[0];
    expect(ready?.event).toBe("stream:ready");
    expect(ready?.data).toMatchObject({ user: { name: "bob" }, resumed: false, channels: [{ name: "#dev" }] });
    await say(alice, "hello integrations");
    await events.until(() => events.lines().includes("hello integrations"));
    const line = events.messages.find((m) => m.event === "message:new");
    expect(line?.data).toMatchObject({ author: { name: "alice" }, kind: "text" });
    expect(line?.id).toMatch(/^[0-9a-f-]+:\d+$/);
    // Not only lines: a topic change reaches it as channel:updated does a browser.
    await alice.do("channel:topic", { channel: "#dev", topic: "release day" });
    await events.until(() => events.messages.some((m) => m.event === "channel:updated"));
  });

  it("resumes with Last-Event-ID: the lines posted while away arrive once each, then live ones", async () => {
    const server = await started();
    const { alice, bob } = await twoInDev(server);
    const first = await stream(server, bob.token);
    await say(alice, "before 1");
    await say(alice, "before 2");
    await first.until(() => first.lines().length === 2);
    first.close();
    const held = first.lastId;
    expect(held).toBeDefined();

    const edited = await say(alice, "away 1");
    await say(alice, "away 2");
    await alice.do("message:edit", { target: "#dev", seq: edited.message.seq, text: "away 1, edited" });
    await say(bob, "bob from his phone");

    const back = await stream(server, bob.token, held);
    expect(back.messages[0]?.data).toMatchObject({ resumed: true });
    await back.until(() => back.lines().length === 4);
    await say(alice, "live again");
    await back.until(() => back.lines().includes("live again"));
    // Lines come in their current state, then the change entries among them, as session:sync gives them.
    expect(back.lines()).toEqual(["away 1, edited", "away 2", "away 1, edited", "bob from his phone", "live again"]);
    const kinds = back.messages.filter((m) => m.event === "message:new").map((m) => (m.data as { kind: string }).kind);
    expect(kinds).toEqual(["text", "text", "edit", "text", "text"]);
    const seqs = [...first.seqs(), ...back.seqs()];
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  });

  it("misses nothing after being away longer than one catch-up reaches", async () => {
    const server = await started();
    const { alice, bob } = await twoInDev(server);
    const first = await stream(server, bob.token);
    await say(alice, "last seen");
    await first.until(() => first.lines().length === 1);
    first.close();
    const away = limits.syncEntriesMax + limits.historyPageMax + 5;
    for (let i = 1; i <= away; i++) await say(alice, `away ${i}`);
    const back = await stream(server, bob.token, first.lastId);
    await back.until(() => back.lines().length === away, 20_000);
    expect(back.lines()).toEqual(Array.from({ length: away }, (_, i) => `away ${i + 1}`));
  }, 60_000);

  it("delivers a conversation joined while away from its start, and forgets one left", async () => {
    const server = await started();
    const { alice, bob } = await twoInDev(server);
    const first = await stream(server, bob.token);
    first.close();
    await alice.do("channel:join", { channel: "#ops" });
    await bob.do("channel:join", { channel: "#ops" });
    await say(alice, "welcome to ops", "#ops");
    await bob.do("channel:part", { channel: "#dev" });
    const back = await stream(server, bob.token, first.lastId);
    await back.until(() => back.lines().includes("welcome to ops"));
    await say(alice, "in dev, unheard");
    await say(alice, "in ops, heard", "#ops");
    await back.until(() => back.lines().includes("in ops, heard"));
    expect(back.lines()).not.toContain("in dev, unheard");
  });

  it("refuses a missing token, a bad token and a Last-Event-ID it did not write, with coded answers", async () => {
    const server = await started();
    const { bob } = await twoInDev(server);
    const anonymous = await request(server.url, "GET", "/api/v1/events");
    expect([anonymous.status, codeOf(anonymous)]).toEqual([401, "NOT_AUTHENTICATED"]);
    const wrong = await request(server.url, "GET", "/api/v1/events", { token: "not-a-token" });
    expect(wrong.status).toBe(401);
    const tooMany = Array.from({ length: limits.syncConversationsMax + 1 }, (_, i) => `c${i}:1`).join(",");
    for (const id of ["garbage", "abc:-1", "x:1,x:2", `dev:${2 ** 31}`, "a b:1", tooMany]) {
      const bad = await request(server.url, "GET", "/api/v1/events", {
        token: bob.token,
        headers: { "last-event-id": id },
      });
      expect([bad.status, codeOf(bad)], id).toEqual([400, "INVALID_PAYLOAD"]);
    }
  });

  it("keeps an idle stream open with heartbeat comments", async () => {
    const server = await started({ PING_INTERVAL_MS: "100" });
    const { bob } = await twoInDev(server);
    const events = await stream(server, bob.token);
    await events.until(() => events.comments >= 2);
    expect(events.ended).toBe(false);
  });

  it("ends when the token is logged out elsewhere, after telling the consumer", async () => {
    const server = await started();
    const { bob } = await twoInDev(server);
    const events = await stream(server, bob.token);
    await bob.do("auth:logout", {});
    await events.until(() => events.ended);
    expect(events.messages.some((m) => m.event === "session:ended")).toBe(true);
  });

  it("drops a consumer that stops reading, and chat goes on for everyone else", async () => {
    const { lines, logger } = logLines();
    const server = await new TestServer(
      { RATE_LIMITS: "off", MAX_QUEUED_BYTES_PER_CONNECTION: "65536" },
      {},
      logger,
    ).start();
    servers.push(server);
    const { alice, bob } = await twoInDev(server);
    const unread = await pausedStream(server.url, bob.token);
    const reader = await stream(server, bob.token);
    const dropped = () => lines.some((l) => l.msg === "dropping a connection that stopped reading");
    const text = "x".repeat(limits.messageMaxLength - 10);
    // Far more than the loopback socket's buffers hold: the unread stream's queue grows past the bound.
    let sent = 0;
    while (sent < 3_000 && !dropped()) await say(alice, `${++sent} ${text}`);
    expect(dropped()).toBe(true);
    // Reading now, it finds the stream cut short rather than holding every line.
    expect(await unread.readToEnd()).toBeLessThan(sent);
    await say(alice, "still here");
    await reader.until(() => reader.lines().at(-1) === "still here");
    expect(reader.lines()).toHaveLength(sent + 1);
  }, 60_000);

  it("on node B receives a line posted on node A, through Redis", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "canaduck-sse-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    let databaseUrl = `file:${path.join(dir, "shared.db")}`;
    if (process.env.TEST_DATABASE === "postgres") {
      const database: TestDatabase = freshPostgresDatabase();
      cleanups.push(() => database.drop());
      databaseUrl = await database.url();
    }
    const env = { DATABASE_URL: databaseUrl, REDIS_URL, REDIS_PREFIX: `canaduck-test-${randomUUID()}` };
    const a = await started(env);
    const b = await started(env);
    const { alice, bob } = await twoInDev(a);
    const onB = await stream(b, bob.token);
    await say(alice, "across nodes");
    await onB.until(() => onB.lines().includes("across nodes"));
  });
});

/** A consumer that opens the stream and does not read it: a raw TCP socket, paused. */
async function pausedStream(url: string, token: string) {
  const { hostname, port } = new URL(url);
  const socket = connect({ host: hostname, port: Number(port) });
  await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
  socket.write(`GET /api/v1/events HTTP/1.1\r\nHost: ${hostname}\r\nAuthorization: Bearer ${token}\r\n\r\n`);
  socket.pause();
  return {
    /** Reads what the server wrote until it closed the connection; the lines it held. */
    readToEnd: () =>
      new Promise<number>((resolve) => {
        let text = "";
        const lines = () => text.split("event: message:new\n").length - 1;
        socket.on("data", (chunk: Buffer) => (text += chunk.toString("latin1")));
        socket.on("error", () => resolve(lines()));
        socket.on("close", () => resolve(lines()));
        socket.resume();
      }),
  };
}
