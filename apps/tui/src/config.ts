import { homedir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { Clock } from "./lines/format-time";
import { noColorWanted } from "./no-color";

export const DEFAULT_URL = "http://localhost:3000";

export const usage = `Usage: canaduck [server-url] [--clock 24|12] [--logout] [--help]

  server-url   the CanaDuck server (default ${DEFAULT_URL}, or $CANADUCK_URL)
  --clock      24 (the default) or 12: the clock of every timestamp and ban expiry
  --logout     forget the saved login for that server (and end the session there)
  --help       show this help

With NO_COLOR set (https://no-color.org), or a monochrome TERM, nothing has colour; bold, italic, strikethrough and
inverse stay, and code is told apart by its indent.

The login is kept in $XDG_CONFIG_HOME/canaduck (or ~/.config/canaduck), readable by you only.`;

export type Config =
  | { kind: "help" }
  | { kind: "error"; message: string }
  /** `noColor`: NO_COLOR is set (https://no-color.org), so nothing drawn has colour. */
  | {
      kind: "run";
      url: string;
      logout: boolean;
      configDir: string;
      noColor: boolean;
      clock: Clock;
      /** Whether --clock was given: then it wins over config.json's. */
      clockGiven: boolean;
      /** Where `/set log on` writes each window's log. */
      logsDir: string;
    };

/** Reads the command line and the environment once, at start. */
export function loadConfig(
  argv: readonly string[] = process.argv.slice(2),
  env: NodeJS.ProcessEnv = process.env,
): Config {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        logout: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
        clock: { type: "string" },
      },
    });
  } catch (error) {
    return { kind: "error", message: error instanceof Error ? error.message : String(error) };
  }
  if (parsed.values.help) return { kind: "help" };
  if (parsed.positionals.length > 1) return { kind: "error", message: "Give at most one server URL." };
  const url = parsed.positionals[0] ?? env.CANADUCK_URL ?? DEFAULT_URL;
  if (!isHttpUrl(url)) return { kind: "error", message: `Not an http(s) URL: ${url}` };
  const clock = parsed.values.clock ?? "24";
  if (clock !== "24" && clock !== "12") return { kind: "error", message: `--clock is 24 or 12, not ${clock}` };
  const base =
    env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME)
      ? env.XDG_CONFIG_HOME
      : path.join(env.HOME ?? homedir(), ".config");
  return {
    kind: "run",
    url,
    logout: parsed.values.logout,
    configDir: path.join(base, "canaduck"),
    noColor: noColorWanted(env),
    clock,
    clockGiven: parsed.values.clock !== undefined,
    logsDir: logsRoot(env),
  };
}

/** $XDG_DATA_HOME/canaduck/logs (or ~/.local/share/…): where window logs go. */
export function logsRoot(env: NodeJS.ProcessEnv): string {
  const base =
    env.XDG_DATA_HOME && path.isAbsolute(env.XDG_DATA_HOME)
      ? env.XDG_DATA_HOME
      : path.join(env.HOME ?? homedir(), ".local", "share");
  return path.join(base, "canaduck", "logs");
}

function isHttpUrl(text: string): boolean {
  try {
    const { protocol } = new URL(text);
    return protocol === "http:" || protocol === "https:";
  } catch {
    return false;
  }
}
