import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { TestServer } from "@canaduck/server/testing";
import { TmuxSession } from "./tmux";

const launcher = path.resolve(import.meta.dirname, "../bin/canaduck.js");

/**
 * What every tmux test file sets up around its terminal: a real server (rate limits off, so a
 * test's typing is never refused), one config folder its terminals share (the saved session and
 * outbox live there, as in ~/.config), and the terminal a test opens, killed after each test.
 */
export class TerminalFixture {
  readonly config: string;
  private server: TestServer | undefined;
  private terminal: TmuxSession | undefined;

  constructor(name: string) {
    this.config = mkdtempSync(path.join(tmpdir(), `canaduck-tui-${name}-`));
  }

  async startServer(): Promise<TestServer> {
    this.server = await new TestServer({ RATE_LIMITS: "off" }).start();
    return this.server;
  }

  /** The client in a tmux pane of cols × rows, connecting to `url` with this file's config folder. */
  async open(url: string, cols = 80, rows = 24): Promise<TmuxSession> {
    const t = new TmuxSession();
    this.terminal = t;
    await t.start([process.execPath, launcher, url], { XDG_CONFIG_HOME: this.config, HOME: this.config }, cols, rows);
    return t;
  }

  async closeTerminal(): Promise<void> {
    await this.terminal?.kill();
    this.terminal = undefined;
  }

  async dispose(): Promise<void> {
    await this.closeTerminal();
    await this.server?.dispose();
    rmSync(this.config, { recursive: true, force: true });
  }
}
