import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const mainTs = path.join(repoRoot, "apps", "server", "src", "main.ts");
/** What `npm start` runs: the launcher of the bundle (built by `turbo run build`), so a restart starts as fast as the users'. */
export const builtServerEntry = path.join(repoRoot, "apps", "server", "bin", "canaduck-server.js");
const builtBundle = path.join(repoRoot, "apps", "server", "dist", "main.js");

/** A port nothing listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Resident memory of a process in bytes, from /proc. */
export function rssOf(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match?.[1] ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** CPU seconds a process has used so far in user and in system (kernel) time, from /proc; 0 once it is gone. */
export function cpuSplitOf(pid: number): { user: number; system: number } {
  try {
    // After "pid (comm) ": state is field 0, utime 11, stime 12, in clock ticks (100 a second on Linux).
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return { user: Number(fields[11]) / 100, system: Number(fields[12]) / 100 };
  } catch {
    return { user: 0, system: 0 };
  }
}

/** CPU seconds (user + system) a process has used so far; 0 once it is gone. */
export function cpuSecondsOf(pid: number): number {
  const { user, system } = cpuSplitOf(pid);
  return user + system;
}

/**
 * The real server as a separate process (as `npm start` runs it), on its own port and SQLite
 * file, so a test can SIGKILL it, restart it on the same file, and measure its memory.
 */
export class ServerProcess {
  readonly dir = mkdtempSync(path.join(tmpdir(), "canaduck-bench-"));
  readonly dbFile = path.join(this.dir, "chat.db");
  private child: ChildProcess | undefined;
  private port = 0;
  /** The IRC gateway's port: a free one of its own (unless env sets IRC_PORT), so nodes and parallel runs never meet on 6667. */
  ircPort = 0;
  private peakRss = 0;
  private sampler: NodeJS.Timeout | undefined;
  private output = "";

  constructor(
    private readonly env: Record<string, string> = {},
    /** The script to run: the CanaDuck server by default, or e.g. the bare relay. */
    private readonly entry: string = mainTs,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number {
    return this.child?.pid ?? 0;
  }

  async start(): Promise<void> {
    if (this.port === 0) this.port = await freePort();
    if (this.ircPort === 0)
      this.ircPort = this.env.IRC_PORT === undefined ? await freePort() : Number(this.env.IRC_PORT) || 0;
    this.output = "";
    // node itself, not the tsx wrapper: the pid must be the server's for SIGKILL and memory.
    // BENCH_PROFILE=<dir>: each server writes a CPU profile there when it exits (open it in Chrome's DevTools).
    const profile = process.env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
    // A built bundle runs as node runs it for `npm start`; TypeScript goes through tsx.
    const loader = this.entry.endsWith(".ts") ? ["--import", "tsx"] : [];
    const child = spawn(process.execPath, [...profile, ...loader, this.entry], {
      cwd: repoRoot,
      env: {
        ...process.env,
        PORT: String(this.port),
        HOST: "127.0.0.1",
        DATABASE_URL: `file:${this.dbFile}`,
        WEB_DIST: path.join(this.dir, "no-web"),
        LOG_LEVEL: "warn",
        // Load and fault tests drive one address far past the abuse limits meant for people.
        RATE_LIMITS: "off",
        IRC_PORT: String(this.ircPort),
        ...this.env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child = child;
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-20_000);
    };
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);
    await this.waitHealthy(30_000);
    this.sampler = setInterval(() => {
      this.peakRss = Math.max(this.peakRss, rssOf(this.pid));
    }, 100);
  }

  private async waitHealthy(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.child?.exitCode !== null && this.child?.exitCode !== undefined) {
        throw new Error(`server exited with ${this.child.exitCode}:\n${this.output}`);
      }
      try {
        const res = await fetch(`${this.url}/healthz`);
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`server not healthy within ${timeoutMs} ms:\n${this.output}`);
  }

  /** Stops the process with `signal` and waits for it to exit. */
  async stop(signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
    clearInterval(this.sampler);
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill(signal);
    await exited;
    this.child = undefined;
  }

  rss(): number {
    return rssOf(this.pid);
  }

  /** Highest resident memory seen since start (sampled every 100 ms). */
  get peakRssBytes(): number {
    return this.peakRss;
  }

  resetPeak(): void {
    this.peakRss = this.rss();
  }

  get alive(): boolean {
    return this.child !== undefined && this.child.exitCode === null;
  }

  async dispose(): Promise<void> {
    // A profiled server must exit by itself to write its profile.
    await this.stop(process.env.BENCH_PROFILE ? "SIGTERM" : "SIGKILL");
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The CanaDuck server as `npm start` runs it: the bundle, which must have been built. */
export function builtServer(env: Record<string, string> = {}): ServerProcess {
  if (!existsSync(builtBundle))
    throw new Error(`${builtBundle} is missing: build it first (npx turbo run build --filter=@canaduck/server...)`);
  return new ServerProcess(env, builtServerEntry);
}
