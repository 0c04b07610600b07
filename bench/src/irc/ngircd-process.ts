import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createConnection } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort, rssOf } from "../server-process";
import { sleep } from "../stats";

const installed = (command: string) => spawnSync("sh", ["-c", `command -v ${command}`]).status === 0;

/** A Debian package's command, installed with apt where it is missing (root, or passwordless sudo). */
export function ensureDebianCommand(command: string, pkg: string): void {
  if (installed(command)) return;
  const root = process.getuid?.() === 0;
  const apt = (args: string[]) => {
    const argv = ["-o", "DPkg::Lock::Timeout=300", ...args];
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    const run = root
      ? spawnSync("apt-get", argv, { stdio: "inherit", env })
      : spawnSync("sudo", ["-n", "apt-get", ...argv], { stdio: "inherit", env });
    if (run.status !== 0) throw new Error(`apt-get ${args.join(" ")} failed (needs root or passwordless sudo)`);
  };
  console.log(`${command} is missing: installing Debian's ${pkg}`);
  apt(["update", "-qq"]);
  apt(["install", "-y", "-qq", pkg]);
}

/** Debian's ngircd, the IRC benches' baseline. */
export const ensureNgircd = (): void => ensureDebianCommand("ngircd", "ngircd");

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = createConnection(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });

/**
 * ngircd in the foreground on a loopback port, with a config, MOTD and pid file of its own in a
 * temporary directory (never the apt service), penalties and connection limits off, as the
 * Socket.IO comparison's relay has none. Stopped by its PID.
 */
export class NgircdProcess {
  readonly dir = mkdtempSync(path.join(tmpdir(), "canaduck-bench-ngircd-"));
  private child: ChildProcess | undefined;
  private output = "";
  port = 0;

  get pid(): number {
    return this.child?.pid ?? 0;
  }

  rss(): number {
    return rssOf(this.pid);
  }

  async start(): Promise<void> {
    ensureNgircd();
    this.port = await freePort();
    // Started as root, ngircd drops to "nobody", which must still write its pid file here.
    chmodSync(this.dir, 0o777);
    const conf = path.join(this.dir, "ngircd.conf");
    writeFileSync(path.join(this.dir, "ngircd.motd"), "CanaDuck bench baseline\n");
    writeFileSync(
      conf,
      [
        "[Global]",
        "Name = bench.local",
        "Info = CanaDuck bench baseline",
        "AdminInfo1 = bench",
        "AdminInfo2 = bench",
        "AdminEMail = bench@bench.local",
        "Listen = 127.0.0.1",
        `Ports = ${this.port}`,
        `MotdFile = ${path.join(this.dir, "ngircd.motd")}`,
        `PidFile = ${path.join(this.dir, "ngircd.pid")}`,
        "[Limits]",
        "MaxConnections = 0",
        "MaxConnectionsIP = 0",
        "MaxJoins = 0",
        "MaxNickLength = 30",
        // 0 turns penalties (and the per-second command throttle built on them) off.
        "MaxPenaltyTime = 0",
        "PingTimeout = 600",
        "PongTimeout = 600",
        "[Options]",
        "DNS = no",
        "Ident = no",
        "PAM = no",
        "",
      ].join("\n"),
    );
    const child = spawn("ngircd", ["--nodaemon", "--config", conf], { stdio: ["ignore", "pipe", "pipe"] });
    this.child = child;
    const keep = (chunk: Buffer) => (this.output = (this.output + chunk.toString()).slice(-10_000));
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);
    for (let i = 0; i < 100; i++) {
      if (child.exitCode !== null) throw new Error(`ngircd exited with ${child.exitCode}:\n${this.output}`);
      if (await listening(this.port)) return;
      await sleep(50);
    }
    throw new Error(`ngircd did not listen on ${this.port}:\n${this.output}`);
  }

  async dispose(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (child && child.exitCode === null) {
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGTERM");
      await exited;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
