import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { isLoopbackHost } from "../src/http/metrics-access";
import { logLines, TestServer } from "./harness";

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

  // A server listening on every interface, reached here over loopback as anyone else would reach it.
  const viaLoopback = (url: string) => `http://127.0.0.1:${new URL(url).port}/metrics`;

  it("without METRICS_TOKEN on a HOST beyond loopback, refuses /metrics (403) and says at start how to enable it", async () => {
    const log = logLines();
    server = await new TestServer({ HOST: "0.0.0.0" }, {}, log.logger).start();
    const res = await fetch(viaLoopback(server.url));
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain("canaduck_");
    const warning = log.lines.find((l) => l.msg.startsWith("/metrics is refused"));
    expect(warning?.level).toBe(40);
    expect(warning?.msg).toContain("Set METRICS_TOKEN");
    // Only /metrics: the chat and its health check answer as ever.
    expect((await fetch(`http://127.0.0.1:${new URL(server.url).port}/healthz`)).status).toBe(200);
  });

  it("without METRICS_TOKEN, refuses it on METRICS_PORT too when HOST is beyond loopback", async () => {
    server = await new TestServer({ HOST: "0.0.0.0", METRICS_PORT: "0" }).start();
    expect((await fetch(viaLoopback(server.metricsUrl ?? ""))).status).toBe(403);
  });

  it("without METRICS_TOKEN behind a proxy (TRUST_PROXY), refuses it even on a loopback HOST", async () => {
    server = await new TestServer({ TRUST_PROXY: "1" }).start();
    expect((await fetch(`${server.url}/metrics`)).status).toBe(403);
  });

  it("with METRICS_TOKEN on a HOST beyond loopback, serves the bearer of the token only", async () => {
    const token = "a-long-scrape-token-0123456789";
    const log = logLines();
    server = await new TestServer({ HOST: "0.0.0.0", METRICS_TOKEN: token }, {}, log.logger).start();
    expect((await fetch(viaLoopback(server.url))).status).toBe(401);
    const res = await fetch(viaLoopback(server.url), { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("canaduck_connected_clients");
    expect(log.lines.filter((l) => l.msg.startsWith("/metrics is refused"))).toEqual([]);
  });

  it("counts as loopback only addresses that are", () => {
    for (const host of ["127.0.0.1", "127.1.2.3", "::1", "[::1]", "localhost", "::ffff:127.0.0.1"])
      expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ["0.0.0.0", "::", "10.0.0.5", "192.168.1.2", "chat.example.com", "128.0.0.1", "::ffff:10.0.0.1"])
      expect(isLoopbackHost(host), host).toBe(false);
  });
});
