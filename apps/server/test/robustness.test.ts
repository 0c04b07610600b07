import { PROTOCOL_VERSION } from "@canaduck/contract";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { call, TestServer } from "./harness";

describe("a server that survives what clients send it", () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await new TestServer().start();
  });
  afterEach(() => server.dispose());

  it("refuses an unsupported protocol version and names the versions it speaks", async () => {
    await expect(server.connect({ protocol: PROTOCOL_VERSION + 1 })).rejects.toMatchObject({
      data: { code: "UNSUPPORTED_PROTOCOL", supportedProtocols: [PROTOCOL_VERSION] },
    });
  });

  it("refuses a protocol 1 client, which would show edits and reactions as lines", async () => {
    expect(PROTOCOL_VERSION).toBe(3);
    await expect(server.connect({ protocol: 1 })).rejects.toMatchObject({
      data: { code: "UNSUPPORTED_PROTOCOL", supportedProtocols: [3] },
    });
  });

  it("refuses a protocol 2 client, which would never hear presence (it waits for presence:changed)", async () => {
    await expect(server.connect({ protocol: 2 })).rejects.toMatchObject({
      data: { code: "UNSUPPORTED_PROTOCOL", supportedProtocols: [3] },
    });
  });

  it("refuses a bad token at the handshake and a logged-out one afterwards", async () => {
    await expect(server.connect({ token: "not-a-token" })).rejects.toMatchObject({
      data: { code: "NOT_AUTHENTICATED" },
    });
    const alice = await server.user("alice");
    const second = await server.connect({ token: alice.token });
    const ended = new Promise((resolve) => second.on("disconnect", resolve));
    await alice.do("auth:logout", {});
    await ended; // every connection of the session closes
    await expect(server.connect({ token: alice.token })).rejects.toMatchObject({ data: { code: "NOT_AUTHENTICATED" } });
  });

  it("asks anonymous connections to log in, and logs in with the same error for unknown names and wrong passwords", async () => {
    await server.user("alice", "right password");
    const anon = await server.connect();
    const join = await call(anon, "channel:join", { channel: "#dev" });
    expect(join.ok || join.error.code).toBe("NOT_AUTHENTICATED");
    const wrong = await call(anon, "auth:login", { name: "alice", password: "wrong password" });
    const unknown = await call(anon, "auth:login", { name: "nobody", password: "wrong password" });
    expect(wrong).toEqual(unknown);
    expect(wrong.ok || wrong.error.code).toBe("INVALID_CREDENTIALS");
    const ok = await call(anon, "auth:login", { name: "ALICE", password: "right password" });
    expect(ok.ok && ok.data.user.name).toBe("alice");
  });

  it("answers a flood of malformed events with coded errors while another client keeps chatting", async () => {
    const alice = await server.user("alice");
    const bob = await server.user("bob");
    await alice.do("channel:join", { channel: "#dev" });
    await bob.do("channel:join", { channel: "#dev" });
    const attacker = await server.connect({ token: bob.token });
    const raw = attacker.emit.bind(attacker) as unknown as (event: string, ...args: unknown[]) => void;

    const garbage: unknown[] = [
      null,
      42,
      "text",
      [],
      { target: 5 },
      { target: "#dev", text: "x".repeat(5000) },
      { target: "#dev", text: "" },
      { channel: "dev" },
    ];
    const events = ["message:send", "channel:join", "no:such-event", "history:read", "channel:kick"];
    const codes = new Set<string>();
    const answers: Promise<void>[] = [];
    for (let i = 0; i < 400; i++) {
      const event = events[i % events.length] ?? "message:send";
      const payload = garbage[i % garbage.length];
      answers.push(
        new Promise((resolve) => {
          raw(event, payload, (ack: { ok: boolean; error?: { code: string } }) => {
            if (ack.error) codes.add(ack.error.code);
            resolve();
          });
        }),
      );
      if (i % 50 === 0) raw(event); // no ack callback at all
    }
    const seen = bob.next("message:new", (m) => m.text === "still here");
    await alice.do("message:send", { target: "#dev", text: "still here" });
    await seen;
    await Promise.all(answers);
    // Every answer is coded; more than the queue holds is refused rather than buffered.
    expect([...codes].sort()).toEqual(["INVALID_PAYLOAD", "RATE_LIMITED", "UNKNOWN_EVENT"]);
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
  });

  it("serves /healthz", async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(await res.json()).toEqual({ status: "ok" });
  });
});
