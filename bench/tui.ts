// The terminal client's resources, beside WeeChat's on ngIRCd in the same run (issue 17):
//   npm run bench:tui          (builds the client first; needs tmux; installs weechat-curses and ngircd with apt where missing, for the baseline)
// Start-up to the login screen (median of 3), CPU and keystroke echo p99 during a 200 msg/s flood
// into the channel shown, and memory after 10,000 lines. FLOOD_SECONDS (default 10) sets the flood's length.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { emitRaw, rawSocket, registerRaw } from "./src/raw-socket";
import { ensureDebianCommand, ensureNgircd } from "./src/irc/ngircd-process";
import { cpuSecondsOf, freePort, ServerProcess } from "./src/server-process";
import { burstCanaduck, floodCanaduck, floodIrc, ircClient } from "./src/tui/floods";
import { echoLatencies, median, percentile, rssMiB, Terminal } from "./src/tui/terminal";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const launcher = path.join(repoRoot, "apps", "tui", "bin", "canaduck.js");
const RATE = 200;
const FLOOD_SECONDS = Number(process.env.FLOOD_SECONDS ?? 10);
const LINES = 10_000;
const targets = { startupMs: 500, echoP99Ms: 50, memoryMiB: 80 };

interface Figures {
  startupMs: number;
  cpuPercent: number;
  echoP99Ms: number;
  echoMedianMs: number;
  memoryAfterLinesMiB: number;
  delivered?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round = (n: number) => Math.round(n * 10) / 10;

async function canaduck(): Promise<Figures> {
  const server = new ServerProcess();
  await server.start();
  const home = mkdtempSync(path.join(tmpdir(), "canaduck-bench-tui-"));
  const flooderToken = await registerRaw(server.url, "flooder");
  const flooder = await rawSocket(server.url, flooderToken);
  await emitRaw(flooder, "channel:join", { channel: "#flood" });
  const watcher = await rawSocket(server.url);
  await emitRaw(watcher, "auth:register", { name: "watcher", password: "bench password" });
  await emitRaw(watcher, "channel:join", { channel: "#flood" });
  watcher.disconnect();
  const command = `env -u CI -u CONTINUOUS_INTEGRATION HOME=${home} XDG_CONFIG_HOME=${home} PATH=${path.dirname(process.execPath)}:${process.env.PATH ?? ""} ${launcher} ${server.url}`;
  try {
    const startups: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = new Terminal();
      const started = performance.now();
      t.start(command);
      await t.waitFor((s) => s.includes("(connected)"));
      startups.push(performance.now() - started);
      t.kill();
    }
    const t = new Terminal();
    t.start(command);
    await t.waitFor((s) => s.includes("(connected)"));
    t.text("watcher");
    t.keys("Enter");
    t.text("bench password");
    t.keys("Enter");
    await t.waitFor((s) => s.includes("#flood"));
    await sleep(1000);
    const pid = t.pidOf("node");
    try {
      const cpuBefore = cpuSecondsOf(pid);
      const floodStarted = performance.now();
      const flood = floodCanaduck(flooder, "#flood", RATE, FLOOD_SECONDS, 0);
      await sleep(500);
      const echoes = echoLatencies(t, "x", Math.max(5, Math.floor((FLOOD_SECONDS - 1) * 3)), 300);
      const [sent, latencies] = await Promise.all([flood, echoes]);
      const cpuPercent = ((cpuSecondsOf(pid) - cpuBefore) / ((performance.now() - floodStarted) / 1000)) * 100;
      const total = await burstCanaduck(flooder, "#flood", LINES - sent, sent);
      await t.waitFor((s) => s.includes(`flood line ${total}`), 120_000, 100);
      await sleep(2000);
      return {
        startupMs: median(startups),
        cpuPercent,
        echoP99Ms: percentile(latencies, 99),
        echoMedianMs: median(latencies),
        memoryAfterLinesMiB: rssMiB(pid),
      };
    } finally {
      t.kill();
    }
  } finally {
    flooder.disconnect();
    await server.stop();
    rmSync(home, { recursive: true, force: true });
  }
}

async function weechat(): Promise<Figures | string> {
  try {
    ensureDebianCommand("weechat", "weechat-curses");
    ensureNgircd();
  } catch (error) {
    return `weechat or ngircd is missing and could not be installed (${(error as Error).message})`;
  }
  const dir = mkdtempSync(path.join(tmpdir(), "canaduck-bench-weechat-"));
  const port = await freePort();
  const conf = path.join(dir, "ngircd.conf");
  writeFileSync(
    conf,
    `[Global]\nName = bench.local\nInfo = bench\nListen = 127.0.0.1\nPorts = ${port}\n` +
      `[Limits]\nMaxConnectionsIP = 0\nMaxJoins = 0\nMaxNickLength = 30\n` +
      `[Options]\nDNS = no\nIdent = no\nPAM = no\n`,
  );
  const ircd = spawn("ngircd", ["-n", "-f", conf], { stdio: "ignore" });
  await sleep(1000);
  const weechatHome = path.join(dir, "weechat");
  try {
    const startups: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = new Terminal();
      const started = performance.now();
      t.start(`weechat -a -d ${weechatHome}-${i}`);
      await t.waitFor((s) => /1:weechat/.test(s) || /\[core\]/.test(s));
      startups.push(performance.now() - started);
      t.kill();
    }
    const floods = await Promise.all(Array.from({ length: 40 }, (_, i) => ircClient(port, `flooder${i}`, "#flood")));
    const listener = await ircClient(port, "counter", "#flood");
    let delivered = 0;
    listener.on("data", (chunk) => (delivered += chunk.toString().split(" PRIVMSG #flood ").length - 1));
    const t = new Terminal();
    t.start(
      `weechat -d ${weechatHome} -r "/server add local 127.0.0.1/${port} -notls;/set irc.server.local.nicks watcher;/set irc.server.local.autojoin #flood;/connect local"`,
    );
    await t.waitFor((s) => s.includes("#flood"));
    await sleep(1500);
    t.text("/buffer #flood");
    t.keys("Enter");
    await sleep(1000);
    const pid = t.pidOf("weechat");
    try {
      const cpuBefore = cpuSecondsOf(pid);
      const floodStarted = performance.now();
      delivered = 0;
      const flood = floodIrc(floods, "#flood", RATE, FLOOD_SECONDS, 0);
      await sleep(500);
      const echoes = echoLatencies(t, "x", Math.max(5, Math.floor((FLOOD_SECONDS - 1) * 3)), 300);
      const [sent, latencies] = await Promise.all([flood, echoes]);
      const seconds = (performance.now() - floodStarted) / 1000;
      const cpuPercent = ((cpuSecondsOf(pid) - cpuBefore) / seconds) * 100;
      const rate = delivered / seconds;
      await floodIrc(floods, "#flood", 1000, (LINES - sent) / 1000, sent);
      await sleep(3000);
      return {
        startupMs: median(startups),
        cpuPercent,
        echoP99Ms: percentile(latencies, 99),
        echoMedianMs: median(latencies),
        memoryAfterLinesMiB: rssMiB(pid),
        delivered: rate,
      };
    } finally {
      t.kill();
      for (const c of [...floods, listener]) c.destroy();
    }
  } finally {
    ircd.kill("SIGTERM");
    await sleep(500);
    rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  }
}

const ours = await canaduck();
const theirs = await weechat();
const shown = (f: Figures) => ({
  startupMs: Math.round(f.startupMs),
  cpuPercentOfACore: round(f.cpuPercent),
  echoP99Ms: round(f.echoP99Ms),
  echoMedianMs: round(f.echoMedianMs),
  memoryAfter10kLinesMiB: round(f.memoryAfterLinesMiB),
  ...(f.delivered === undefined ? {} : { deliveredPerSecond: Math.round(f.delivered) }),
});
console.log(
  JSON.stringify(
    {
      flood: { rate: RATE, seconds: FLOOD_SECONDS },
      canaduck: shown(ours),
      weechat: typeof theirs === "string" ? theirs : shown(theirs),
    },
    null,
    2,
  ),
);
const verdict = (met: boolean) => (met ? "met" : "missed");
const lines = [
  `start-up to the login screen ≤ ${targets.startupMs} ms: ${verdict(ours.startupMs <= targets.startupMs)} (${Math.round(ours.startupMs)} ms)`,
  typeof theirs === "string"
    ? `CPU ≤ WeeChat's: not compared (${theirs}); CanaDuck ${round(ours.cpuPercent)} % of a core`
    : `CPU during the flood ≤ WeeChat's: ${verdict(ours.cpuPercent <= theirs.cpuPercent)} (${round(ours.cpuPercent)} % vs ${round(theirs.cpuPercent)} % of a core)`,
  `keystroke echo p99 during the flood ≤ ${targets.echoP99Ms} ms: ${verdict(ours.echoP99Ms <= targets.echoP99Ms)} (${round(ours.echoP99Ms)} ms)`,
  `memory after ${LINES} lines ≤ ${targets.memoryMiB} MiB: ${verdict(ours.memoryAfterLinesMiB <= targets.memoryMiB)} (${round(ours.memoryAfterLinesMiB)} MiB)`,
];
for (const line of lines) console.log(line);
const row = (name: string, f: Figures | string) =>
  typeof f === "string"
    ? `| ${name} | ${f} | | | | |`
    : `| ${name} | ${Math.round(f.startupMs)} | ${round(f.cpuPercent)} | ${round(f.echoMedianMs)} | ${round(f.echoP99Ms)} | ${round(f.memoryAfterLinesMiB)} |`;
writeFileSync(
  path.join(repoRoot, "bench", "TUI-RESULTS.md"),
  [
    "# Terminal client resources",
    "",
    "Rewritten by `npm run bench:tui` (bench/tui.ts); the servers, the flooders, tmux and both clients share the machine.",
    "",
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? "?"}, ${round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`,
    "",
    `Shape: 80×24 tmux; start-up is the median of 3 launches to the login screen (CanaDuck: "(connected)"; WeeChat: its first screen); a flood of ${RATE} lines/s for ${FLOOD_SECONDS} s into the channel shown (WeeChat: over 40 ngIRCd connections, ngIRCd throttling each), CPU of the client process over the flood, a key typed every 300 ms during it and timed until tmux shows it; then lines to ${LINES} in all, and the client's resident memory.`,
    "",
    "| client | start-up ms | CPU % of a core | echo p50 ms | echo p99 ms | memory after 10,000 lines MiB |",
    "| ------ | ----------- | --------------- | ----------- | ----------- | ----------------------------- |",
    row("CanaDuck (compiled)", ours),
    row("WeeChat 3.8 on ngIRCd", theirs),
    "",
    "## Targets",
    "",
    ...lines.map((l) => `- ${l}`),
    "",
  ].join("\n"),
);
process.exit(0);
