import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runtimeVerdict } from "../../scripts/check-runtime";

const root = path.resolve(import.meta.dirname, "..", "..");

describe("the runtime check that opens npm test", () => {
  it("accepts Node 22 LTS (22.12 and newer) and later majors, in CI and out", () => {
    for (const version of ["22.12.0", "22.23.5", "24.1.0"]) {
      expect(runtimeVerdict(version, true)).toEqual({ ok: true });
      expect(runtimeVerdict(version, false)).toEqual({ ok: true });
    }
  });

  it("fails CI on anything older, and says how to get Node 22", () => {
    for (const version of ["20.20.2", "22.11.0", "21.7.3", "18.20.4"]) {
      const verdict = runtimeVerdict(version, true);
      expect(verdict.ok).toBe(false);
      expect(!verdict.ok && verdict.error).toContain(`this is Node ${version}`);
      expect(!verdict.ok && verdict.error).toContain("source scripts/ensure-node.sh");
    }
  });

  it("lets a developer on Node 20.19+ run the suites, with a warning that names the fix", () => {
    const verdict = runtimeVerdict("20.20.2", false);
    expect(verdict.ok).toBe(true);
    expect(verdict.ok && verdict.warning).toContain("past its end of life");
    expect(verdict.ok && verdict.warning).toContain("source scripts/ensure-node.sh");
  });

  it("refuses, even outside CI, a Node the tools do not run on", () => {
    for (const version of ["20.18.1", "21.7.3", "22.11.0", "18.20.4"]) {
      expect(runtimeVerdict(version, false).ok).toBe(false);
    }
  });

  it("as a command, exits 1 with the reason in CI unless this Node is the runtime", () => {
    const run = () =>
      execFileSync(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "scripts/check-runtime.ts"], {
        cwd: root,
        env: { ...process.env, CI: "true" },
        stdio: "pipe",
        encoding: "utf8",
      });
    if (runtimeVerdict(process.versions.node, true).ok) expect(run()).toBe("");
    else expect(run).toThrow(/source scripts\/ensure-node.sh/);
  });
});
