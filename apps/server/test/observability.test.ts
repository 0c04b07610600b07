import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
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

describe("/metrics for an operator", () => {
  let server: TestServer | undefined;
  const web = mkdtempSync(path.join(tmpdir(), "canaduck-web-"));
  afterEach(() => server?.dispose());
  afterAll(() => rmSync(web, { recursive: true, force: true }));

  it("with METRICS_TOKEN, answers 401 without the bearer token and 200 with it", async () => {
    const token = "a-long-scrape-token-0123456789";
    server = await new TestServer({ METRICS_TOKEN: token }).start();
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    expect(
      (await fetch(`${server.url}/metrics`, { headers: { Authorization: "Bearer wrong-token-wrong-token" } })).status,
    ).toBe(401);
    const res = await fetch(`${server.url}/metrics`, { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("canaduck_connected_clients");
  });

  it("with METRICS_PORT, serves it on that port only and not on the chat port", async () => {
    // With a web app to serve, whose page answers unknown paths.
    writeFileSync(path.join(web, "index.html"), "<!doctype html><title>CanaDuck</title>");
    server = await new TestServer({ METRICS_PORT: "0", WEB_DIST: web }).start();
    const { metricsUrl } = server;
    expect(metricsUrl).not.toBeNull();
    expect(metricsUrl).not.toBe(server.url);
    const res = await fetch(`${metricsUrl}/metrics`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("canaduck_connected_clients");
    const onChatPort = await fetch(`${server.url}/metrics`);
    expect(onChatPort.status).toBe(404);
    expect(await onChatPort.text()).not.toContain("canaduck_");
    // The metrics port is not a second way into the chat.
    expect((await fetch(`${metricsUrl}/healthz`)).status).toBe(404);
  });
});
