import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PROTOCOL_VERSION } from "@canaduck/contract";
import { io as connect } from "socket.io-client";
import type { ConnectReads } from "../src/realtime/connect-batches";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, next, record, TestServer, type ChatClient, type ClientSocket } from "./harness";

/** The Redis that development and CI machines run (docs: shared/ENVIRONMENT.md). */
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
/** Races per case and layout, run in this many lanes at once (each lane its own users). */
const TRIALS = 200;
const LANES = 10;
/** Long enough for a loaded CI machine; a pass never waits for it. */
const SETTLE_MS = 5_000;

/** A busy database: each connection's reads take a while, as they do under load. */
const slowReads = (inner: ConnectReads): ConnectReads => {
  const slow = () => new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 15));
  return {
    authenticate: async (token) => {
      await slow();
      return inner.authenticate(token);
    },
    presenceSubject: async (userId) => {
      await slow();
      return inner.presenceSubject(userId);
    },
  };
};

const jitter = () => new Promise((resolve) => setTimeout(resolve, Math.random() * 3));

/**
 * Where trial `i` strikes: most right after the client saw its connection accepted (a client
 * that uses a connection at once), the rest while the handshake is still under way.
 */
async function strikePoint(i: number, settled: Promise<unknown>): Promise<void> {
  if (i % 4 !== 0) await settled;
  await jitter();
}

/** A connection with `token` that the test starts and does not wait for: the other side of the race. */
function racingConnection(url: string, token: string) {
  const socket = connect(url, {
    auth: { protocol: PROTOCOL_VERSION, token },
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
  }) as ClientSocket;
  const lines = record(socket, "message:new");
  const typing = record(socket, "typing:changed");
  const joined = record(socket, "channel:joined");
  const left = record(socket, "channel:left");
  let connectedAt = Infinity;
  const settled = new Promise<"connected" | "refused">((resolve) => {
    socket.once("connect", () => {
      connectedAt = performance.now();
      resolve("connected");
    });
    socket.once("connect_error", () => resolve("refused"));
  });
  return { socket, lines, typing, joined, left, settled, connectedBefore: (t: number) => connectedAt < t };
}

/** Resolves once `socket` is closed; rejects if it is still open after SETTLE_MS. */
function closed(socket: ClientSocket): Promise<void> {
  if (socket.disconnected && !socket.active) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the connection was left open")), SETTLE_MS);
    socket.once("disconnect", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Runs `trial(i, lane)` TRIALS times, LANES at a time, each lane's trials one after another. */
async function race(trial: (i: number, lane: number) => Promise<void>): Promise<void> {
  await Promise.all(
    Array.from({ length: LANES }, async (_, lane) => {
      for (let i = lane; i < TRIALS; i += LANES) await trial(i, lane);
    }),
  );
}

const layouts = [
  { name: "on one node", nodes: 1 },
  { name: "across two nodes (the fresh connection on the other node)", nodes: 2 },
] as const;

describe.each(layouts)("a connection racing a logout, revocation, kick or join, $name", ({ nodes }) => {
  const dir = mkdtempSync(path.join(tmpdir(), "canaduck-race-"));
  let a: TestServer;
  let b: TestServer;
  /** Per lane: the user whose fresh connections race, an operator, and someone who talks. */
  const lanes: Array<{ user: ChatClient; op: ChatClient; password: string; channel: string }> = [];

  beforeAll(async () => {
    const cluster = {
      DATABASE_URL: `file:${path.join(dir, "shared.db")}`,
      REDIS_URL,
      REDIS_PREFIX: `canaduck-test-${randomUUID()}`,
    };
    // The periodic sweep would close a missed connection within seconds and hide the miss.
    const env: Record<string, string> = { RATE_LIMITS: "off", SESSION_SWEEP_MS: "0", ...(nodes === 1 ? {} : cluster) };
    a = await new TestServer(env, { reads: slowReads }).start();
    b = nodes === 1 ? a : await new TestServer(env, { reads: slowReads }).start();
    for (let lane = 0; lane < LANES; lane += 1) {
      const password = "correct horse battery";
      const user = await a.user(`racer${lane}`, password);
      const op = await a.user(`op${lane}`);
      const channel = `#race${lane}`;
      await op.do("channel:join", { channel });
      await user.do("channel:join", { channel });
      lanes.push({ user, op, password, channel });
    }
  }, 60_000);
  afterAll(async () => {
    if (b !== a) await b.dispose();
    await a.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  const lane = (i: number) => lanes[i] ?? expect.unreachable(`lane ${i}`);

  /** A new session of the lane's user, logged in on a connection of its own. */
  async function newSession(l: number) {
    const { user, password } = lane(l);
    const socket = await a.connect();
    const grant = await call(socket, "auth:login", { name: user.name, password });
    if (!grant.ok) throw new Error(`login: ${grant.error.code}`);
    return { socket, token: grant.data.token };
  }

  /**
   * After a session ended: the fresh connection was refused or closed, and heard nothing the
   * channel said afterwards (lines or typing).
   */
  async function expectShutOut(fresh: ReturnType<typeof racingConnection>, l: number, word: string) {
    const { op, channel } = lane(l);
    const outcome = await fresh.settled;
    if (outcome === "connected") await closed(fresh.socket);
    await op.do("typing:set", { target: channel, typing: true });
    await op.do("message:send", { target: channel, text: `after the ${word}` });
    expect(fresh.lines.filter((m) => m.text === `after the ${word}`)).toEqual([]);
    expect(fresh.typing.filter((t) => t.user.name === op.name && t.typing)).toEqual([]);
    fresh.socket.disconnect();
  }

  it("logout: the session's fresh connection is refused or closed, every time", async () => {
    await race(async (i, l) => {
      const { socket, token } = await newSession(l);
      const fresh = racingConnection(b.url, token);
      await strikePoint(i, fresh.settled);
      const out = await call(socket, "auth:logout", {});
      expect(out.ok).toBe(true);
      await expectShutOut(fresh, l, "logout");
      socket.disconnect();
    });
  }, 120_000);

  it("revocation: the revoked session's fresh connection is refused or closed, every time", async () => {
    await race(async (i, l) => {
      const { socket, token } = await newSession(l);
      const listed = await call(socket, "session:list", {});
      const sessionId = listed.ok ? listed.data.sessions.find((s) => s.current)?.id : undefined;
      if (sessionId === undefined) throw new Error("no current session listed");
      const fresh = racingConnection(b.url, token);
      await strikePoint(i, fresh.settled);
      await lane(l).user.do("session:revoke", { sessionId });
      await expectShutOut(fresh, l, "revocation");
      socket.disconnect();
    });
  }, 120_000);

  it("kick: a fresh connection that was up before the kick hears channel:left, and none hears the channel after", async () => {
    await race(async (i, l) => {
      const { user, op, channel } = lane(l);
      const fresh = racingConnection(b.url, user.token);
      await strikePoint(i, fresh.settled);
      const issued = performance.now();
      await op.do("channel:kick", { channel, nick: user.name });
      expect(await fresh.settled).toBe("connected");
      // Answered only once the connection is bound: its commands queue behind the binding.
      await call(fresh.socket, "session:state", {});
      await op.do("message:send", { target: channel, text: `after kick ${i}` });
      // A line to the user after it: once it has arrived, the channel's line would have too.
      const barrier = next(fresh.socket, "message:new", (m) => m.text === `barrier ${i}`);
      await op.do("message:send", { target: user.name, text: `barrier ${i}` });
      await barrier;
      expect(fresh.lines.filter((m) => m.text === `after kick ${i}`)).toEqual([]);
      if (fresh.connectedBefore(issued)) expect(fresh.left.map((e) => [e.name, e.reason])).toEqual([[channel, "kick"]]);
      fresh.socket.disconnect();
      await user.do("channel:join", { channel });
    });
  }, 120_000);

  it("join: a fresh connection that was up before the join hears channel:joined, and every one hears the channel", async () => {
    await race(async (i, l) => {
      const { user } = lane(l);
      const channel = `#joined${l}x${i}`;
      const fresh = racingConnection(b.url, user.token);
      await strikePoint(i, fresh.settled);
      const issued = performance.now();
      await user.do("channel:join", { channel });
      expect(await fresh.settled).toBe("connected");
      await call(fresh.socket, "session:state", {});
      const heard = next(fresh.socket, "message:new", (m) => m.text === `in ${channel}`, SETTLE_MS);
      await user.do("message:send", { target: channel, text: `in ${channel}` });
      await heard;
      if (fresh.connectedBefore(issued)) expect(fresh.joined.map((e) => e.channel.name)).toEqual([channel]);
      fresh.socket.disconnect();
      await user.do("channel:part", { channel });
    });
  }, 120_000);
});
