// Start-up time of the terminal client: runs `canaduck --help` (load every module, print, exit)
// a number of times and prints the median and spread of wall time and peak memory.
//   npx tsx bench/tui-startup.ts [runs] [launcher]      (after npm run build)
import { spawnSync } from "node:child_process";
import path from "node:path";

const runs = Number(process.argv[2] ?? 15);
const launcher = path.resolve(
  process.argv[3] ?? path.join(import.meta.dirname, "..", "apps", "tui", "bin", "canaduck.js"),
);

const times: number[] = [];
const rss: number[] = [];
for (let i = 0; i < runs; i++) {
  const started = process.hrtime.bigint();
  // /usr/bin/time reports the child's peak resident memory in KiB.
  const run = spawnSync("/usr/bin/time", ["-f", "%M", process.execPath, launcher, "--help"], { encoding: "utf8" });
  times.push(Number(process.hrtime.bigint() - started) / 1e6);
  if (run.status !== 0) throw new Error(`${launcher} --help exited ${run.status}: ${run.stderr}`);
  rss.push(Number(run.stderr.trim().split("\n").at(-1)) / 1024);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const sorted = [...times].sort((a, b) => a - b);
console.log(
  JSON.stringify({
    launcher: path.relative(process.cwd(), launcher),
    runs,
    medianMs: Math.round(median(times)),
    minMs: Math.round(sorted[0] ?? NaN),
    maxMs: Math.round(sorted.at(-1) ?? NaN),
    medianPeakRssMiB: Math.round(median(rss)),
  }),
);
