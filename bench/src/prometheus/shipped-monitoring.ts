import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** deploy/: the files an operator ships, read as they are. */
export const deployDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../deploy");
export const shippedPrometheusYml = path.join(deployDir, "prometheus", "prometheus.yml");
export const shippedAlertsYml = path.join(deployDir, "prometheus", "alerts.yml");
export const shippedDashboard = path.join(deployDir, "grafana", "dashboards", "canaduck.json");

/** Replaces `pattern` (global, multiline), which must occur exactly `times` times: a renamed line fails loudly instead of slipping through. */
function replaceExactly(text: string, pattern: RegExp, replacement: string, times: number): string {
  const found = text.match(pattern)?.length ?? 0;
  if (found !== times)
    throw new Error(
      `deploy/prometheus/prometheus.yml: expected ${times} line(s) matching ${pattern}, found ${found}; update the test's renderer with the file`,
    );
  return text.replace(pattern, replacement);
}

export interface TestSetting {
  /** host:port of each node's /metrics, in place of compose's node1:9464, node2:9464. */
  targets: string[];
  tokenFile: string;
  interval: string;
}

/**
 * The shipped prometheus.yml with only what differs on a test machine replaced: the targets,
 * the token file's path, the intervals, and the rule file's path (made absolute, as the
 * rendered copy lives in a temporary folder). Job name, metrics path and rules stay the shipped ones.
 */
export function renderPrometheusConfig(setting: TestSetting): string {
  let text = readFileSync(shippedPrometheusYml, "utf8");
  text = replaceExactly(text, /^(\s+)scrape_interval: \S+$/gm, `$1scrape_interval: ${setting.interval}`, 1);
  text = replaceExactly(text, /^(\s+)evaluation_interval: \S+$/gm, `$1evaluation_interval: ${setting.interval}`, 1);
  text = replaceExactly(text, /^(\s+)- alerts\.yml$/gm, `$1- ${shippedAlertsYml}`, 1);
  text = replaceExactly(text, /^(\s+)credentials_file: \S+$/gm, `$1credentials_file: ${setting.tokenFile}`, 1);
  // compose's two nodes, one line each, become the test's nodes.
  const lines = text.split("\n");
  const targetLines = lines.flatMap((line, i) => (/^\s+- node\d+:9464$/.test(line) ? [i] : []));
  if (targetLines.length !== setting.targets.length) {
    throw new Error(
      `deploy/prometheus/prometheus.yml: expected ${setting.targets.length} target lines (- nodeN:9464), found ${targetLines.length}`,
    );
  }
  targetLines.forEach(
    (lineNo, k) => (lines[lineNo] = (lines[lineNo] ?? "").replace(/node\d+:9464/, setting.targets[k] ?? "")),
  );
  text = lines.join("\n");
  return text;
}

export interface DashboardQuery {
  panel: string;
  refId: string;
  expr: string;
}

interface Panel {
  title?: string;
  targets?: { expr?: string; refId?: string }[];
  panels?: Panel[];
}

/** Grafana's built-in interval variables, fixed to spans that hold several of the test's scrapes. */
const grafanaVariables: Record<string, string> = {
  $__rate_interval: "30s",
  $__interval: "5s",
  $__range: "1m",
};

/** Every query of the shipped dashboard (rows' nested panels too), with Grafana's variables substituted. */
export function dashboardQueries(): DashboardQuery[] {
  const dashboard = JSON.parse(readFileSync(shippedDashboard, "utf8")) as { panels?: Panel[] };
  const queries: DashboardQuery[] = [];
  const visit = (panels: Panel[]) => {
    for (const panel of panels) {
      for (const target of panel.targets ?? []) {
        if (!target.expr) continue;
        let expr = target.expr;
        for (const [name, value] of Object.entries(grafanaVariables)) expr = expr.split(name).join(value);
        queries.push({ panel: panel.title ?? "(untitled)", refId: target.refId ?? "?", expr });
      }
      visit(panel.panels ?? []);
    }
  };
  visit(dashboard.panels ?? []);
  return queries;
}
