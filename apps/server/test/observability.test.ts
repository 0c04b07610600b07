import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TestServer } from "./harness";

describe("observability", () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await new TestServer().start();
  });
  afterEach(() => server.dispose());

  it("exposes Prometheus metrics that count connections, events, acks and errors", async () => {
    const alice = await server.user("alice");
    await alice.do("channel:join", { channel: "#dev" });
    await alice.do("message:send", { target: "#dev", text: "counted" });
    await alice.send("channel:kick", { channel: "#nowhere", nick: "bob" });
    const res = await fetch(`${server.url}/metrics`);
    expect(res.headers.get("content-type")).toContain("text/plain");
    const body = await res.text();
    expect(body).toMatch(/canaduck_connected_clients 1\b/);
    expect(body).toMatch(/canaduck_events_total\{event="message:send"\} 1\b/);
    expect(body).toMatch(/canaduck_ack_latency_seconds_count\{event="message:send"\} 1\b/);
    expect(body).toMatch(/canaduck_errors_total\{code="NO_SUCH_CHANNEL"\} 1\b/);
    expect(Number(/canaduck_db_transaction_seconds_count (\d+)/.exec(body)?.[1])).toBeGreaterThan(3);
    expect(body).toContain("canaduck_nodejs_eventloop_lag_seconds");
  });

  it("reports readiness with the database's state", async () => {
    const res = await fetch(`${server.url}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ready", checks: { database: true } });
  });
});
