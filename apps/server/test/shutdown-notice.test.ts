import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PROTOCOL_VERSION } from "@canaduck/contract";
import { io as connect } from "socket.io-client";
import { afterEach, describe, expect, it } from "vitest";
import { record, TestServer, type ClientSocket } from "./harness";

/** The Redis that development and CI machines run (docs: shared/ENVIRONMENT.md). */
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

describe("a node shutting down in a cluster", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "canaduck-cluster-"));
  const nodes: TestServer[] = [];
  const raw: ClientSocket[] = [];
  afterEach(async () => {
    for (const socket of raw) socket.disconnect();
    for (const node of nodes) await node.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it("tells its own clients to reconnect and no other node's", async () => {
    // Two nodes on one database and one Redis, as a deployment behind a balancer runs them.
    const env = {
      DATABASE_URL: `file:${path.join(dir, "shared.db")}`,
      REDIS_URL,
      REDIS_PREFIX: `canaduck-test-${randomUUID()}`,
      RATE_LIMITS: "off",
    };
    const a = await new TestServer(env).start();
    nodes.push(a);
    const b = await new TestServer(env).start();
    nodes.push(b);
    const alice = await a.user("alice");
    const bob = await b.user("bob");
    await alice.do("channel:join", { channel: "#dev" });
    await bob.do("channel:join", { channel: "#dev" });
    // The nodes are linked: what is said on A reaches B's client.
    const relayed = bob.next("message:new", (m) => m.text === "across nodes");
    await alice.do("message:send", { target: "#dev", text: "across nodes" });
    await relayed;

    // A's client that stays connected while A shuts down (the harness closes its own first).
    const onA = connect(a.url, {
      auth: { protocol: PROTOCOL_VERSION, token: alice.token },
      transports: ["websocket"],
      reconnection: false,
      forceNew: true,
    }) as ClientSocket;
    raw.push(onA);
    await new Promise((resolve) => onA.once("connect", () => resolve(undefined)));
    const toA = record(onA, "session:ended");
    const toB = record(bob.socket, "session:ended");

    await a.stop();
    expect(toA).toEqual([{ reason: "shutdown" }]);
    // B's client is told nothing and keeps chatting on B.
    await bob.do("message:send", { target: "#dev", text: "still on B" });
    expect(toB).toEqual([]);
  });
});
