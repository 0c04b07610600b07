import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { VirtualConnection } from "../src/realtime/virtual-socket";
import { TestServer, type ChatClient } from "./harness";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

/** What a transport of its own (IRC, SSE) would see of its connection. */
class Recorder {
  readonly events: Array<{ event: string; payload: unknown }> = [];
  closedWith: string | null = null;
  backlog = 0;
  private waiters: Array<() => void> = [];

  readonly transport = {
    deliver: (event: string, payload: unknown) => {
      this.events.push({ event, payload });
      this.wake();
    },
    closed: (reason: string) => {
      this.closedWith = reason;
      this.wake();
    },
    queuedBytes: () => this.backlog,
  };

  private wake() {
    for (const waiter of this.waiters.splice(0)) waiter();
  }

  /** Resolves once `ready` holds, checking after every delivery. */
  async until(ready: () => boolean, timeoutMs = 5_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!ready()) {
      if (Date.now() > deadline) throw new Error(`timed out; saw ${this.events.map((e) => e.event).join(", ")}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  lines(): string[] {
    return this.events.filter((e) => e.event === "message:new").map((e) => (e.payload as { text: string }).text);
  }
}

const servers: TestServer[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.dispose();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function started(env: Record<string, string> = {}): Promise<TestServer> {
  const server = await new TestServer(env).start();
  servers.push(server);
  return server;
}

/** A connection of another transport logged in as a fresh account, in #dev with `alice`. */
async function loggedIn(server: TestServer, alice: ChatClient, recorder: Recorder): Promise<VirtualConnection> {
  const bob = await server.user("bob", "correct horse battery");
  bob.socket.disconnect();
  const conn = server.openConnection({ address: "127.0.0.1", transport: recorder.transport });
  const login = await conn.run("auth:login", { name: "bob", password: "correct horse battery" });
  expect(login.ok).toBe(true);
  expect(conn.actor.kind).toBe("user");
  expect((await conn.run("channel:join", { channel: "#dev" })).ok).toBe(true);
  await alice.do("channel:join", { channel: "#dev" });
  return conn;
}

describe("a connection of another transport", () => {
  it("is refused commands before it logs in, and is told nothing of channels", async () => {
    const server = await started();
    const alice = await server.user("alice");
    await alice.do("channel:join", { channel: "#dev" });
    const recorder = new Recorder();
    const conn = server.openConnection({ address: "127.0.0.1", transport: recorder.transport });
    const refused = await conn.run("message:send", { target: "#dev", text: "hi", clientId: randomUUID() });
    expect(refused).toMatchObject({ ok: false, error: { code: "NOT_AUTHENTICATED" } });
    await alice.do("message:send", { target: "#dev", text: "members only", clientId: randomUUID() });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(recorder.lines()).toEqual([]);
    conn.close();
  });

  it("logs in, receives the channel's lines live and sends its own through the same path", async () => {
    const server = await started();
    const alice = await server.user("alice");
    const recorder = new Recorder();
    const conn = await loggedIn(server, alice, recorder);
    await alice.do("message:send", { target: "#dev", text: "hello bob", clientId: randomUUID() });
    await recorder.until(() => recorder.lines().includes("hello bob"));

    const seen = alice.next("message:new", (p) => p.text === "hello alice");
    const sent = await conn.run("message:send", { target: "#dev", text: "hello alice", clientId: randomUUID() });
    expect(sent.ok).toBe(true);
    await seen;
    // A part is an effect that takes the connection out of the room: later lines do not reach it.
    expect((await conn.run("channel:part", { channel: "#dev" })).ok).toBe(true);
    await alice.do("message:send", { target: "#dev", text: "after the part", clientId: randomUUID() });
    await alice.do("message:send", { target: "#dev", text: "and another", clientId: randomUUID() });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(recorder.lines()).not.toContain("after the part");
    conn.close();
  });

  it("is closed when its session is revoked from a browser, and hears nothing after", async () => {
    const server = await started();
    const alice = await server.user("alice");
    const recorder = new Recorder();
    const conn = await loggedIn(server, alice, recorder);
    const browser = await server.connect();
    const login = await browser.emitWithAck("auth:login", { name: "bob", password: "correct horse battery" });
    const sessions = (await browser.emitWithAck("session:list", {})) as unknown as {
      data: { sessions: Array<{ id: string; current: boolean }> };
    };
    expect(login).toMatchObject({ ok: true });
    const other = sessions.data.sessions.find((s) => !s.current);
    if (other === undefined) throw new Error("the other transport's session is not listed");
    await browser.emitWithAck("session:revoke", { sessionId: other.id });
    await recorder.until(() => recorder.closedWith !== null);
    expect(recorder.events.some((e) => e.event === "session:ended")).toBe(true);
    await alice.do("message:send", { target: "#dev", text: "after the revoke", clientId: randomUUID() });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(recorder.lines()).not.toContain("after the revoke");
    expect(await conn.run("session:state", {})).toMatchObject({ ok: false });
    await conn.done;
  });

  it("is dropped when its transport holds more than the server's bound", async () => {
    const server = await started({ MAX_QUEUED_BYTES_PER_CONNECTION: "65536" });
    const alice = await server.user("alice");
    const recorder = new Recorder();
    const conn = await loggedIn(server, alice, recorder);
    recorder.backlog = 1_000_000;
    await recorder.until(() => recorder.closedWith !== null);
    await conn.done;
  });

  it("is told the node shuts down, and the shutdown does not wait for it", async () => {
    const server = await started();
    const alice = await server.user("alice");
    const recorder = new Recorder();
    const conn = await loggedIn(server, alice, recorder);
    // A transport closes its client when told; this one never does, and the shutdown still ends.
    const stopping = Date.now();
    await server.stop();
    expect(recorder.events.some((e) => e.event === "session:ended")).toBe(true);
    expect(recorder.closedWith).not.toBeNull();
    expect(Date.now() - stopping).toBeLessThan(10_000);
    await conn.done;
  });

  it("on node B receives a line posted on node A, through Redis", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "canaduck-virtual-"));
    dirs.push(dir);
    const env = {
      DATABASE_URL: `file:${path.join(dir, "shared.db")}`,
      REDIS_URL,
      REDIS_PREFIX: `canaduck-test-${randomUUID()}`,
    };
    const a = await started(env);
    const b = await started(env);
    const alice = await a.user("alice");
    const recorder = new Recorder();
    await loggedIn(b, alice, recorder);
    await alice.do("message:send", { target: "#dev", text: "across nodes", clientId: randomUUID() });
    await recorder.until(() => recorder.lines().includes("across nodes"));
  });
});
