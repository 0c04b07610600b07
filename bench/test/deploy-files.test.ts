import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { deployDir } from "../src/prometheus/shipped-monitoring";

// No container engine runs here, so compose.yaml cannot be started. What can be checked is
// that the files name each other right: a renamed service or a changed port in one file and
// not the others is what breaks a deployment on its first `docker compose up`.

const read = (file: string) => readFileSync(path.join(deployDir, file), "utf8");

/** The names of compose.yaml's services: the two-space keys under the top-level `services:`. */
function composeServices(compose: string): string[] {
  const section = /^services:\n([\s\S]*?)(?=^\S)/m.exec(compose)?.[1] ?? "";
  return [...section.matchAll(/^ {2}([a-z0-9-]+):$/gm)].flatMap((m) => (m[1] ? [m[1]] : []));
}

/** A setting in compose.yaml's shared node environment, e.g. `PORT: "3000"`. */
const nodeSetting = (compose: string, key: string) =>
  new RegExp(`^ {4}${key}: "?([^"\\n]+)"?$`, "m").exec(compose)?.[1];

describe("the deploy files agree with each other", () => {
  const compose = read("compose.yaml");
  const services = composeServices(compose);

  it("runs PostgreSQL, Redis, two nodes, a balancer, Prometheus and Grafana", () => {
    expect(services.sort()).toEqual(["balancer", "grafana", "node1", "node2", "postgres", "prometheus", "redis"]);
  });

  it("has Prometheus scrape each node on the metrics port the nodes are given", () => {
    const targets = [...read("prometheus/prometheus.yml").matchAll(/^\s+- ([a-z0-9-]+):(\d+)$/gm)].map((m) => ({
      host: m[1],
      port: m[2],
    }));
    expect(targets.map((t) => t.host).sort()).toEqual(["node1", "node2"]);
    for (const t of targets) expect(t.port).toBe(nodeSetting(compose, "METRICS_PORT"));
    // The token Prometheus sends is the compose secret mounted where prometheus.yml reads it.
    expect(read("prometheus/prometheus.yml")).toContain("credentials_file: /run/secrets/metrics_token");
    expect(compose).toMatch(/^secrets:\n {2}metrics_token:\n {4}environment: METRICS_TOKEN$/m);
  });

  it("has the balancer forward to each node's chat port", () => {
    const upstreams = [...read("nginx/nginx.conf").matchAll(/^\s+server ([a-z0-9-]+):(\d+)\b/gm)].map((m) => ({
      host: m[1],
      port: m[2],
    }));
    expect(upstreams.map((u) => u.host).sort()).toEqual(["node1", "node2"]);
    for (const u of upstreams) expect(u.port).toBe(nodeSetting(compose, "PORT"));
  });

  it("points Grafana at the Prometheus service, under the uid every dashboard panel names", () => {
    const datasource = read("grafana/provisioning/datasources/prometheus.yml");
    expect(datasource).toMatch(/url: http:\/\/prometheus:9090$/m);
    const uid = /^\s+uid: (\S+)$/m.exec(datasource)?.[1];
    const dashboard = JSON.parse(read("grafana/dashboards/canaduck.json")) as {
      panels: { title: string; datasource?: { uid?: string } }[];
    };
    expect(dashboard.panels.filter((p) => p.datasource?.uid !== uid).map((p) => p.title)).toEqual([]);
  });

  it("gives a stopping node more time than its shutdown grace, under compose and systemd", () => {
    const graceSeconds = Number(nodeSetting(compose, "SHUTDOWN_GRACE_MS")) / 1000;
    const composeStop = Number(/^ {2}stop_grace_period: (\d+)s$/m.exec(compose)?.[1]);
    const unitStop = Number(/^TimeoutStopSec=(\d+)$/m.exec(read("canaduck.service"))?.[1]);
    expect(composeStop).toBeGreaterThan(graceSeconds);
    expect(unitStop).toBeGreaterThan(10); // the server's default SHUTDOWN_GRACE_MS, 10 s
  });

  it("runs the compiled server as a non-root user in the image and under systemd", () => {
    const dockerfile = read("Dockerfile");
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^CMD \["node", "--enable-source-maps", "apps\/server\/bin\/canaduck-server\.js"\]$/m);
    expect(dockerfile).toMatch(/^RUN npm ci --omit=dev\b/m);
    expect(dockerfile).toContain("/healthz");
    const unit = read("canaduck.service");
    expect(unit).toMatch(/^ExecStart=\S*node --enable-source-maps \S+\/apps\/server\/dist\/main\.js$/m);
    expect(unit).toMatch(/^User=(?!root)\S+$/m);
  });

  it("builds and runs the image on Node 22 LTS, the runtime CI tests", () => {
    const stages = read("Dockerfile").match(/^FROM \S+/gm) ?? [];
    expect(stages).toEqual(["FROM node:22-bookworm-slim", "FROM node:22-bookworm-slim"]);
  });

  it("has a systemd unit that systemd-analyze accepts", () => {
    const check = spawnSync("systemd-analyze", ["verify", path.join(deployDir, "canaduck.service")], {
      encoding: "utf8",
    });
    expect(check.error, "systemd-analyze (package systemd) is needed for this check").toBeUndefined();
    expect(check.status, `${check.stdout}${check.stderr}`).toBe(0);
  });
});
