import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { freePort } from "../admin-process";

const repoRoot = path.resolve(import.meta.dirname, "../../../..");

/** Parent pid of every live process, read from /proc. */
function parents(): Map<number, number> {
  const map = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // "pid (comm) state ppid ...": comm may hold spaces, so split after its closing parenthesis.
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      map.set(Number(entry), ppid);
    } catch {
      // gone while we looked
    }
  }
  return map;
}

function descendants(pid: number): number[] {
  const tree = parents();
  const found: number[] = [];
  const walk = (p: number) => {
    for (const [child, parent] of tree) {
      if (parent === p) {
        found.push(child);
        walk(child);
      }
    }
  };
  walk(pid);
  return found;
}

const alive = (pid: number) =>
  existsSync(`/proc/${pid}`) && !readFileSync(`/proc/${pid}/stat`, "utf8").includes(") Z ");
const commandLine = (pid: number) => readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);

const portAnswers = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });

/** `npm start` at the repository root, as an operator or a supervisor runs it, in its own process group. */
class NpmStart {
  readonly dir = mkdtempSync(path.join(tmpdir(), "canaduck-start-"));
  readonly child: ChildProcess;
  private output = "";
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(readonly port: number) {
    this.child = spawn("npm", ["start"], {
      cwd: repoRoot,
      env: {
        ...process.env,
        PORT: String(port),
        // Test files run at once: the default 6667 would collide.
        IRC_PORT: "0",
        HOST: "127.0.0.1",
        DATABASE_URL: `file:${path.join(this.dir, "chat.db")}`,
        LOG_LEVEL: "info",
        TURBO_TELEMETRY_DISABLED: "1",
      },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    const keep = (chunk: Buffer) => (this.output = (this.output + chunk.toString()).slice(-8_000));
    this.child.stdout?.on("data", keep);
    this.child.stderr?.on("data", keep);
    this.exited = new Promise((resolve) => this.child.once("exit", (code, signal) => resolve({ code, signal })));
  }

  get pid(): number {
    if (this.child.pid === undefined) throw new Error("npm did not start");
    return this.child.pid;
  }

  async listening(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.output.includes("CanaDuck is listening")) {
      if (Date.now() > deadline || this.child.exitCode !== null)
        throw new Error(`npm start did not come up:\n${this.output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** Kills whatever is left (only on a failed test) and removes the data. */
  dispose(): void {
    try {
      process.kill(-this.pid, "SIGKILL");
    } catch {
      // already gone, as it should be
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

describe("npm start, stopped as a supervisor or a terminal stops it", () => {
  let started: NpmStart | undefined;
  afterEach(() => started?.dispose());

  // The first run builds the web client and the server; later ones hit turbo's cache.
  const startTimeout = 240_000;

  it.each([
    ["SIGTERM to the npm process, as a supervisor sends it", (pid: number) => process.kill(pid, "SIGTERM")],
    ["SIGINT to the process group, as Ctrl+C sends it", (pid: number) => process.kill(-pid, "SIGINT")],
  ])(
    "%s: the server runs compiled under node, shuts down, frees its port and leaves no process behind",
    async (_how, signal) => {
      const port = await freePort();
      started = new NpmStart(port);
      await started.listening(startTimeout);
      const tree = descendants(started.pid);
      // npm's only child is node on the compiled file: no shell, no tsx in between.
      const server = tree.filter((pid) => parents().get(pid) === started?.pid);
      expect(server).toHaveLength(1);
      const serverPid = server[0] ?? 0;
      expect(commandLine(serverPid)).toEqual([
        expect.stringMatching(/node$/),
        "--enable-source-maps",
        "apps/server/bin/canaduck-server.js",
      ]);
      expect(await portAnswers(port)).toBe(true);

      signal(started.pid);
      const { code } = await started.exited;
      expect(code).toBe(0);
      expect(await portAnswers(port)).toBe(false);
      expect([started.pid, ...tree].filter(alive)).toEqual([]);
    },
    startTimeout + 30_000,
  );
});

// Run after `npm start` above has built the server, in the same file so never while it rebuilds.
const serverMain = path.join(repoRoot, "apps", "server", "dist", "main.js");

// Loaded before the server (`node --import`): signals that make the real process fail the two
// ways a bug would, a promise rejected with nobody listening and an exception thrown from a callback.
const faults = `
process.on("SIGUSR2", () => { void Promise.reject(new Error("injected rejection")); });
process.on("SIGHUP", () => { setImmediate(() => { throw new Error("injected exception"); }); });
`;

describe("the compiled server's policy for failures nothing caught", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "canaduck-crash-"));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("logs an unhandled rejection and keeps serving; logs an uncaught exception, shuts down cleanly and exits 1", async () => {
    if (!existsSync(serverMain)) throw new Error(`No server build at ${serverMain}: run npm run build first.`);
    const port = await freePort();
    const child = spawn(
      process.execPath,
      ["--enable-source-maps", "--import", `data:text/javascript,${encodeURIComponent(faults)}`, serverMain],
      {
        env: {
          ...process.env,
          PORT: String(port),
          // Test files run at once: the default 6667 would collide.
          IRC_PORT: "0",
          HOST: "127.0.0.1",
          DATABASE_URL: `file:${path.join(dir, "chat.db")}`,
          LOG_LEVEL: "info",
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    const logged = (text: string) => expect.poll(() => output, { timeout: 20_000 }).toContain(text);
    try {
      await logged("CanaDuck is listening");

      child.kill("SIGUSR2");
      await logged("unhandled promise rejection; still serving");
      // Logged by kind and stack, never by message (a message may carry what people wrote).
      expect(output).toMatch(/"level":60,[^\n]*"err":\{"type":"Error","stack":"[^\n]*unhandled promise rejection/);
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);

      child.kill("SIGHUP");
      expect(await exited).toBe(1);
      expect(output).toMatch(/"level":60,[^\n]*"err":\{"type":"Error"/);
      expect(output).not.toContain("injected exception");
      // It closed in order (connections told, database closed) rather than dying mid-write.
      expect(output).toContain("CanaDuck stopped");
    } finally {
      child.kill("SIGKILL");
    }
  });
});
