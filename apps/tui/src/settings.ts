import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Clock } from "./lines/format-time";
import { colourNamed, replaceableColour } from "./theme";

/**
 * What `/set` and `/alias` keep in $XDG_CONFIG_HOME/canaduck/config.json (or ~/.config/…), the
 * same file for every server: the clock, whether windows are logged, and aliases.
 */
export interface Settings {
  clock?: Clock;
  /** Log each window to ~/.local/share/canaduck/logs/<server>/<window>.log. */
  log?: boolean;
  /** `/alias ll /lastlog -n 5` → `ll`: "/lastlog -n 5"; the words typed after `/ll` follow it. */
  aliases: Record<string, string>;
  /** Theme colours: `/set color.yellow blue` → "yellow": "blue" (theme.ts). */
  colors?: Record<string, string>;
  /** Key bindings: `/bind alt+s /search` → "alt+s": "/search", run as if typed (key-commands.ts). */
  keys?: Record<string, string>;
}

export interface SettingsStore {
  /** Where `/set log on` writes window logs; null: nowhere (the render tests). */
  logsRoot: string | null;
  get(): Settings;
  /** Changes and saves the settings; returns the save's error text, or null. */
  update(change: (settings: Settings) => Settings): string | null;
}

const empty = (): Settings => ({ aliases: {} });

/** What a file holds, keeping only what is well formed: a hand-edited file never stops the client. */
export function readSettings(raw: unknown): Settings {
  const settings = empty();
  if (typeof raw !== "object" || raw === null) return settings;
  const record = raw as Record<string, unknown>;
  if (record.clock === "24" || record.clock === "12") settings.clock = record.clock;
  if (typeof record.log === "boolean") settings.log = record.log;
  if (typeof record.aliases === "object" && record.aliases !== null)
    for (const [name, expansion] of Object.entries(record.aliases as Record<string, unknown>))
      if (isAliasName(name) && typeof expansion === "string") settings.aliases[name] = expansion;
  const colors = entriesOf(record.colors).flatMap(([from, to]) => {
    const [name, colour] = [replaceableColour(from), typeof to === "string" ? colourNamed(to) : null];
    return name !== null && colour !== null ? [[name, colour] as const] : [];
  });
  if (colors.length > 0) settings.colors = Object.fromEntries(colors);
  const keys = entriesOf(record.keys).flatMap(([key, line]) =>
    bindableKey(key) && typeof line === "string" && line.startsWith("/") ? [[key.toLowerCase(), line] as const] : [],
  );
  if (keys.length > 0) settings.keys = Object.fromEntries(keys);
  return settings;
}

const entriesOf = (value: unknown): Array<[string, unknown]> =>
  typeof value === "object" && value !== null ? Object.entries(value as Record<string, unknown>) : [];

/**
 * The keys `/bind` takes: Ctrl or Alt with a letter or digit. Ctrl+C (leave), and the control
 * keys that are Tab, Enter and Backspace on a terminal (Ctrl+I, J, M, H), stay what they are.
 */
export const bindableKey = (key: string): boolean =>
  /^(ctrl\+[a-z]|alt\+[a-z0-9])$/i.test(key) && !/^ctrl\+[cijmh]$/i.test(key);

export const isAliasName = (name: string): boolean => /^[a-z][a-z0-9_-]{0,31}$/i.test(name);

export const settingsPath = (configDir: string): string => path.join(configDir, "config.json");

export function fileSettings(configDir: string, logsRoot: string): SettingsStore {
  const file = settingsPath(configDir);
  let settings = empty();
  try {
    settings = readSettings(JSON.parse(readFileSync(file, "utf8")));
  } catch {
    // No file yet (or not JSON): the defaults, and /set writes a good one.
  }
  return {
    logsRoot,
    get: () => settings,
    update(change) {
      settings = change(settings);
      try {
        mkdirSync(configDir, { recursive: true, mode: 0o700 });
        const temporary = `${file}.${process.pid}.tmp`;
        writeFileSync(temporary, `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 });
        renameSync(temporary, file);
        return null;
      } catch (error) {
        return `Could not save ${file}: ${error instanceof Error ? error.message : String(error)}`;
      }
    },
  };
}

export function memorySettings(initial: Settings = empty()): SettingsStore {
  let settings = initial;
  return {
    logsRoot: null,
    get: () => settings,
    update(change) {
      settings = change(settings);
      return null;
    },
  };
}
