import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import stringWidth from "string-width";

const run = promisify(execFile);

/** Quotes a word for the shell tmux runs the command in. */
const quote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

/**
 * A real terminal: a tmux session on its own server, whose socket lives in a temporary folder
 * (so the user's tmux is never touched and nothing is left behind), driven with send-keys and
 * read with capture-pane, as a person would see it.
 */
export class TmuxSession {
  private readonly dir = mkdtempSync(path.join(tmpdir(), "canaduck-tmux-"));
  private readonly socket = path.join(this.dir, "socket");
  private readonly name = "tui";
  private readonly config: string[] = [];

  /** `options` are set for the whole tmux server before anything runs in it, e.g. `{ "set-clipboard": "on" }`. */
  constructor(options: Record<string, string> = {}) {
    const lines = Object.entries(options).map(([name, value]) => `set-option -g ${name} ${value}\n`);
    if (lines.length > 0) {
      const file = path.join(this.dir, "tmux.conf");
      writeFileSync(file, lines.join(""));
      this.config = ["-f", file];
    }
  }

  private tmux(...args: string[]): Promise<string> {
    return run("tmux", [...this.config, "-S", this.socket, ...args], { encoding: "utf8", timeout: 10_000 }).then(
      (r) => r.stdout,
    );
  }

  /**
   * Starts `argv` in a `columns`×`rows` terminal with `env`. A line is printed before it and its
   * exit status after it, and the shell then waits, so a test can see what the terminal looks
   * like once the program has left.
   */
  async start(argv: string[], env: Record<string, string>, columns = 100, rows = 30): Promise<void> {
    // Ink draws nothing live when it believes it runs in CI, so CI's variables are not passed on.
    const assignments = Object.entries(env).map(([k, v]) => `${k}=${quote(v)}`);
    const command = `printf 'shell before canaduck\\n'; env -u CI -u CONTINUOUS_INTEGRATION ${assignments.join(" ")} ${argv.map(quote).join(" ")}; echo "[canaduck exited $?]"; sleep 120`;
    await this.tmux("new-session", "-d", "-x", String(columns), "-y", String(rows), "-s", this.name, command);
  }

  /** Types text literally, as if pasted key by key. */
  type(text: string): Promise<string> {
    return this.tmux("send-keys", "-t", this.name, "-l", text);
  }

  /** Pastes text as a terminal does, bracketed when the program turned bracketed paste on. */
  async paste(text: string): Promise<void> {
    await this.tmux("set-buffer", "-b", "paste", "--", text);
    await this.tmux("paste-buffer", "-p", "-d", "-b", "paste", "-t", this.name);
  }

  /** Presses keys by tmux name: Enter, Tab, PPage, NPage, C-c, M-1. */
  press(...keys: string[]): Promise<string> {
    return this.tmux("send-keys", "-t", this.name, ...keys);
  }

  /** Resizes the terminal, as a user dragging the window's corner would. */
  async resize(columns: number, rows: number): Promise<void> {
    await this.tmux("resize-window", "-t", this.name, "-x", String(columns), "-y", String(rows));
  }

  capture(): Promise<string> {
    return this.tmux("capture-pane", "-p", "-t", this.name);
  }

  /** The screen with its styles as escape sequences (colours, bold, inverse): to check how it is drawn. */
  captureStyled(): Promise<string> {
    return this.tmux("capture-pane", "-p", "-e", "-t", this.name);
  }

  /** Polls the screen until `ready` holds; fails after `timeoutMs`, showing the last screen. */
  async waitFor(ready: (screen: string) => boolean, timeoutMs = 20_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = await this.capture();
      if (ready(screen)) return screen;
      if (Date.now() > deadline) throw new Error(`screen not reached in ${timeoutMs} ms; last screen:\n${screen}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  waitForText(text: string, timeoutMs?: number): Promise<string> {
    return this.waitFor((screen) => screen.includes(text), timeoutMs);
  }

  /** Logs in at the client's login screen, once it says it is connected, as a user would type it. */
  async logIn(name: string, password: string): Promise<void> {
    await this.waitForText("(connected)");
    await this.type(name);
    await this.press("Enter");
    await this.type(password);
    await this.press("Enter");
  }

  /** The pane's title, as a program sets it with OSC 0 or 2. */
  async paneTitle(): Promise<string> {
    return (await this.tmux("display-message", "-p", "-t", this.name, "#{pane_title}")).trimEnd();
  }

  /** The newest paste buffer (what an OSC 52 clipboard write creates with set-clipboard on), "" when none. */
  buffer(): Promise<string> {
    return this.tmux("show-buffer").catch(() => "");
  }

  async kill(): Promise<void> {
    await this.tmux("kill-server").catch(() => "");
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The display columns at which each `│` border stands on each row: equal on every row when nothing broke the layout. */
export function borderColumns(screen: string): number[][] {
  return screen
    .split("\n")
    .filter((line) => line.includes("│"))
    .map((line) => {
      const columns: number[] = [];
      let at = line.indexOf("│");
      while (at !== -1) {
        columns.push(stringWidth(line.slice(0, at)));
        at = line.indexOf("│", at + 1);
      }
      return columns;
    });
}
