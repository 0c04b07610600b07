// The first step of `npm test`: is this the Node the project runs on? CanaDuck's runtime is
// Node 22 LTS, the one CI tests. Node 20 reached its end of life on 2026-04-30 but is still on
// many machines; the code runs on 20.19 or newer at no cost today, so a developer there gets a
// warning rather than a failure. CI (`CI` set, as `.ci/run` sets it) must be on 22: if it ever
// ran the suites on 20 again, nothing would be testing the runtime the README names.
//
//   tsx scripts/check-runtime.ts      (exit 1 with the reason when the runtime will not do)

import { pathToFileURL } from "node:url";

/** What `engines` in package.json says: 20.19+ still works, 22.12+ is the runtime. */
const runtime = { major: 22, minor: 12 };
const oldestWorking = { major: 20, minor: 19 };
const fix =
  "run `source scripts/ensure-node.sh` (it puts Node 22 LTS first on PATH, fetching it from the npm registry when missing), then `npm test` again";

export type RuntimeVerdict = { ok: true; warning?: string } | { ok: false; error: string };

function atLeast(version: string, want: { major: number; minor: number }): boolean {
  const [major = 0, minor = 0] = version.split(".").map(Number);
  return major > want.major || (major === want.major && minor >= want.minor);
}

/** The verdict for Node `version` (as in `process.versions.node`), in CI or on a developer's machine. */
export function runtimeVerdict(version: string, ci: boolean): RuntimeVerdict {
  if (atLeast(version, runtime)) return { ok: true };
  const supportedOld = atLeast(version, oldestWorking) && version.startsWith(`${oldestWorking.major}.`);
  if (ci)
    return {
      ok: false,
      error: `CI tests on Node ${runtime.major} LTS, the runtime the README names, but this is Node ${version}: ${fix}.`,
    };
  if (!supportedOld)
    return {
      ok: false,
      error: `Node ${version} cannot run CanaDuck's tools (Node ${runtime.major}.${runtime.minor}+, or ${oldestWorking.major}.${oldestWorking.minor}+ while it lasts): ${fix}.`,
    };
  return {
    ok: true,
    warning: `Node ${version} is past its end of life; CanaDuck's runtime is Node ${runtime.major} LTS, the one CI tests. The suites still run on ${oldestWorking.major} for now; to test on the runtime, ${fix}.`,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const verdict = runtimeVerdict(
    process.versions.node,
    process.env.CI !== undefined && process.env.CI !== "" && process.env.CI !== "false",
  );
  if (!verdict.ok) {
    console.error(`runtime check: ${verdict.error}`);
    process.exit(1);
  }
  if (verdict.warning) console.warn(`runtime check: WARNING: ${verdict.warning}`);
}
