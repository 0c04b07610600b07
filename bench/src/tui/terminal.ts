import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

/** A program in a detached tmux terminal of its own (own socket), driven and read as a person would. */
export class Terminal {
  private readonly socket = `bench-tui-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;

  private tmux(...args: string[]): string {
    return execFileSync("tmux", ["-L", this.socket, ...args], { encoding: "utf8" });
  }

  /** Starts `command` (a shell line) in a cols × rows terminal. */
  start(command: string, cols = 80, rows = 24): void {
    this.tmux("new-session", "-d", "-x", String(cols), "-y", String(rows), "-s", "b", `${command}; sleep 600`);
  }

  screen(): string {
    return this.tmux("capture-pane", "-p", "-t", "b");
  }

  keys(...keys: string[]): void {
    this.tmux("send-keys", "-t", "b", ...keys);
  }

  text(text: string): void {
    this.tmux("send-keys", "-t", "b", "-l", text);
  }

  async waitFor(ready: (screen: string) => boolean, timeoutMs = 30_000, pollMs = 5): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.screen();
      if (ready(screen)) return screen;
      if (Date.now() > deadline) throw new Error(`screen not reached in ${timeoutMs} ms:\n${screen}`);
      await new Promise((r) => setTimeout(r, pollMs));
    }
  }

  /** The program's pid: the child of the pane's shell whose command is `name`. */
  pidOf(name: string): number {
    const shell = Number(this.tmux("display-message", "-p", "-t", "b", "#{pane_pid}").trim());
    const children = execFileSync("ps", ["-o", "pid=,comm=", "--ppid", String(shell)], { encoding: "utf8" });
    const line = children.split("\n").find((l) => l.trim().split(/\s+/)[1]?.startsWith(name));
    if (!line) throw new Error(`no ${name} under the pane's shell ${shell}: ${children}`);
    return Number(line.trim().split(/\s+/)[0]);
  }

  kill(): void {
    try {
      this.tmux("kill-server");
    } catch {
      // already gone
    }
  }
}

/** Resident memory in MiB, from /proc. */
export function rssMiB(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return match?.[1] ? Number(match[1]) / 1024 : NaN;
}

export const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};

export const median = (values: readonly number[]): number => percentile(values, 50);

const count = (screen: string, ch: string) => screen.split(ch).length - 1;

/**
 * Keystroke echo: types `ch` every `gapMs` for `times` times and measures how long each takes to
 * show on the screen (read with capture-pane every 2 ms, so the figure includes tmux's own time).
 */
export async function echoLatencies(t: Terminal, ch: string, times: number, gapMs: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < times; i++) {
    const before = count(t.screen(), ch);
    const started = performance.now();
    t.text(ch);
    await t.waitFor((s) => count(s, ch) > before, 10_000, 2).catch(() => "");
    out.push(performance.now() - started);
    await new Promise((r) => setTimeout(r, gapMs));
  }
  return out;
}
