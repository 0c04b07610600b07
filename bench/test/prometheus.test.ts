import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeFleet, joinAll, registerFleet, type FleetMember } from "../src/chat-fleet";
import { Cluster } from "../src/cluster/cluster";
import { PrometheusProcess, type QueryAnswer } from "../src/prometheus/prometheus-process";
import {
  dashboardQueries,
  renderPrometheusConfig,
  shippedAlertsYml,
  shippedPrometheusYml,
} from "../src/prometheus/shipped-monitoring";
import { freePort } from "../src/server-process";
import { sleep } from "../src/stats";

// The monitoring an operator deploys (deploy/prometheus, deploy/grafana), proved against real
// nodes: no container engine runs here, so Prometheus runs as a process on the shipped files.

/** Polls `check` until it returns true; bounded, so a test waits for scrapes rather than sleeping. */
async function eventually(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(250);
  }
}

/** Has data a Grafana panel can draw: at least one sample, with a number (a rate of nothing is NaN). */
const hasData = (answer: QueryAnswer) => answer.ok && answer.samples.some((s) => Number.isFinite(Number(s.value[1])));

const promtool = (...args: string[]) => {
  const run = spawnSync("promtool", args, { encoding: "utf8" });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
};

interface Rule {
  name: string;
  query: string;
  health: string;
  lastError?: string;
  type: string;
}

describe("the shipped Prometheus configuration, against two real nodes", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "canaduck-prometheus-"));
  const tokenFile = path.join(dir, "metrics_token");
  const token = randomBytes(16).toString("hex");
  let cluster: Cluster;
  let prometheus: PrometheusProcess;
  let members: FleetMember[] = [];
  let targets: string[] = [];
  let refusedCode = "";
  let trafficStopped = false;
  let traffic: Promise<void> = Promise.resolve();

  beforeAll(async () => {
    writeFileSync(tokenFile, token);
    // As compose runs them: /metrics needs METRICS_TOKEN, which Prometheus sends from its credentials_file.
    cluster = await Cluster.start(2, { METRICS_TOKEN: token });
    targets = cluster.nodes.map((n) => new URL(n.url).host);
    members = [
      ...(await registerFleet(cluster.node(0).url, "ann", 2)),
      ...(await registerFleet(cluster.node(1).url, "bob", 2)),
    ];
    await joinAll(members, ["#metrics"]);
    const refused = await members[0]?.client.request("history:read", { target: "#nowhere" }, true);
    if (!refused || refused.ok) throw new Error("reading a channel that does not exist was not refused");
    refusedCode = refused.error.code;
    // Steady traffic on both nodes while Prometheus scrapes, so every rate and quantile has samples:
    // channel lines (which cross the Redis adapter) and one refused command per round.
    traffic = (async () => {
      while (!trafficStopped) {
        await Promise.all([
          ...members.map((m) => m.client.sendMessage("#metrics", `tick from ${m.name}`)),
          members[1]?.client.request("history:read", { target: "#nowhere" }, true),
        ]);
        await sleep(200);
      }
    })();

    const configFile = path.join(dir, "prometheus.yml");
    writeFileSync(configFile, renderPrometheusConfig({ targets, tokenFile, interval: "1s" }));
    prometheus = new PrometheusProcess(configFile, path.join(dir, "tsdb"), await freePort());
    await prometheus.start();
  });

  afterAll(async () => {
    trafficStopped = true;
    await Promise.race([traffic, sleep(5_000)]);
    closeFleet(members);
    await prometheus?.stop();
    await cluster?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it("scrapes both nodes with the shipped job, metrics path and token file (up == 1)", async () => {
    const upTargets = async () => {
      const answer = await prometheus.query('up{job="canaduck"} == 1');
      return answer.ok ? answer.samples.map((s) => s.metric.instance).sort() : [];
    };
    await eventually(async () => (await upTargets()).length === 2, 15_000);
    expect(await upTargets(), prometheus.log).toEqual([...targets].sort());
  });

  it("answers every query of the Grafana dashboard with data", async () => {
    const queries = dashboardQueries();
    // The panels the issue asks for, by the titles an operator reads.
    const titles = new Set(queries.map((q) => q.panel));
    for (const title of [
      "Connected clients",
      "Messages/s",
      "Ack latency p50 / p99",
      "Errors by code",
      "Event-loop lag",
      "Database latency p50 / p99",
      "Redis adapter traffic",
    ]) {
      expect(titles, `dashboard panel "${title}"`).toContain(title);
    }
    expect(
      queries.filter((q) => q.expr.includes("$")),
      "a Grafana variable the test does not substitute",
    ).toEqual([]);

    const failures = async () => {
      const answers = await Promise.all(queries.map(async (q) => ({ q, answer: await prometheus.query(q.expr) })));
      return answers
        .filter(({ answer }) => !hasData(answer))
        .map(({ q, answer }) => `${q.panel} [${q.refId}] ${q.expr} → ${answer.ok ? "no data" : answer.error}`);
    };
    // Rates need two scrapes inside their range: wait for them rather than sleep a fixed time.
    await eventually(async () => (await failures()).length === 0, 20_000);
    expect(await failures()).toEqual([]);

    const errorsByCode = await prometheus.query('sum by (code) (canaduck_errors_total{job="canaduck"})');
    expect(errorsByCode.ok && errorsByCode.samples.map((s) => s.metric.code)).toContain(refusedCode);
    const clients = await prometheus.query('sum(canaduck_connected_clients{job="canaduck"})');
    expect(clients.ok && clients.samples[0]?.value[1]).toBe(String(members.length));
  });

  it("loads every alert rule with health ok, and each rule's expression evaluates", async () => {
    const rules = async () => {
      const data = await prometheus.api<{ groups: { rules: Rule[] }[] }>("/api/v1/rules");
      return data.groups.flatMap((g) => g.rules);
    };
    // A rule's health is "unknown" until its first evaluation.
    await eventually(async () => (await rules()).every((r) => r.health !== "unknown"), 10_000);
    const loaded = await rules();
    expect(loaded.map((r) => r.name).sort()).toEqual([
      "CanaDuckAckLatencyOverBudget",
      "CanaDuckEventLoopLag",
      "CanaDuckNodeDown",
      "CanaDuckServerErrors",
    ]);
    expect(loaded.filter((r) => r.health !== "ok").map((r) => `${r.name}: ${r.health} ${r.lastError ?? ""}`)).toEqual(
      [],
    );
    for (const rule of loaded) {
      // Not firing answers an empty vector, which is fine; an error is not.
      const answer = await prometheus.query(rule.query);
      expect(answer.ok ? "evaluates" : `${rule.name}: ${answer.error}`).toBe("evaluates");
    }
  });

  it("raises CanaDuckNodeDown for the node that stops, and only for it", async () => {
    trafficStopped = true;
    await Promise.race([traffic, sleep(5_000)]);
    await cluster.node(1).stop("SIGKILL");
    const downInstances = async () => {
      const data = await prometheus.api<{ alerts: { labels: Record<string, string>; state: string }[] }>(
        "/api/v1/alerts",
      );
      return data.alerts
        .filter((a) => a.labels.alertname === "CanaDuckNodeDown" && a.state !== "inactive")
        .map((a) => a.labels.instance);
    };
    // The shipped rule waits a minute before firing: pending is what shows within seconds.
    await eventually(async () => (await downInstances()).length > 0, 15_000);
    expect(await downInstances()).toEqual([targets[1]]);
  });
});

describe("promtool on the shipped files", () => {
  it("accepts deploy/prometheus/prometheus.yml", () => {
    // --syntax-only: the token file it names exists only inside the Prometheus container.
    const check = promtool("check", "config", "--syntax-only", shippedPrometheusYml);
    expect(check.status, check.output).toBe(0);
  });

  it("accepts deploy/prometheus/alerts.yml", () => {
    const check = promtool("check", "rules", shippedAlertsYml);
    expect(check.status, check.output).toBe(0);
    expect(check.output).toContain("SUCCESS: 4 rules found");
  });

  it("accepts the configuration as rendered for a machine, with its rule and token files checked", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "canaduck-promtool-"));
    try {
      const tokenFile = path.join(dir, "metrics_token");
      writeFileSync(tokenFile, "secret");
      const configFile = path.join(dir, "prometheus.yml");
      writeFileSync(
        configFile,
        renderPrometheusConfig({ targets: ["127.0.0.1:9464", "127.0.0.1:9465"], tokenFile, interval: "15s" }),
      );
      const check = promtool("check", "config", configFile);
      expect(check.status, check.output).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
