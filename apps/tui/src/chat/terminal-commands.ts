import { bindableKey, isAliasName, type Settings } from "../settings";
import { colourNamed, replaceableColour } from "../theme";

/** The terminal's own everyday commands, read before the shared grammar sees the line. */
export type TerminalCommand =
  | { kind: "clear" }
  | { kind: "lastlog"; words: string[]; count: number | null }
  | { kind: "alias-list" }
  | { kind: "alias"; name: string; expansion: string }
  | { kind: "unalias"; name: string }
  | { kind: "set-list" }
  | { kind: "set"; key: string; value: string }
  | { kind: "bind-list" }
  | { kind: "bind"; key: string; line: string }
  | { kind: "unbind"; key: string }
  | { kind: "usage"; text: string };

const LASTLOG_USAGE = "Usage: /lastlog [-n N] words — the window's lines holding every word, newest last";
const ALIAS_USAGE = "Usage: /alias name /command [words] (then /name …), /alias name alone removes it, /alias lists";
const SET_USAGE =
  "Usage: /set clock 24|12, /set log on|off, /set previews on|off, /set color.yellow blue|default; /set alone lists";
const BIND_USAGE =
  "Usage: /bind alt+s /command [words] (Ctrl or Alt with a letter or digit), /bind lists, /unbind alt+s";

/** The terminal command `line` is, or null when it is none. */
export function terminalCommand(line: string): TerminalCommand | null {
  const words = line.trim().split(/\s+/);
  const name = words[0]?.toLowerCase();
  const rest = words.slice(1);
  switch (name) {
    case "/clear":
      return rest.length === 0 ? { kind: "clear" } : { kind: "usage", text: "Usage: /clear" };
    case "/lastlog": {
      let count: number | null = null;
      if (rest[0] === "-n") {
        const n = rest[1] && /^\d{1,4}$/.test(rest[1]) ? Number(rest[1]) : 0;
        if (n < 1) return { kind: "usage", text: LASTLOG_USAGE };
        count = n;
        rest.splice(0, 2);
      }
      return rest.length === 0 ? { kind: "usage", text: LASTLOG_USAGE } : { kind: "lastlog", words: rest, count };
    }
    case "/alias": {
      const [alias, ...expansion] = rest;
      if (alias === undefined) return { kind: "alias-list" };
      const bare = alias.replace(/^\//, "");
      if (!isAliasName(bare)) return { kind: "usage", text: ALIAS_USAGE };
      if (expansion.length === 0) return { kind: "unalias", name: bare.toLowerCase() };
      const text = line.trim().slice(line.trim().indexOf(expansion[0] ?? ""));
      return text.startsWith("/")
        ? { kind: "alias", name: bare.toLowerCase(), expansion: text }
        : { kind: "usage", text: ALIAS_USAGE };
    }
    case "/unalias":
      return rest.length === 1 && rest[0]
        ? { kind: "unalias", name: rest[0].replace(/^\//, "").toLowerCase() }
        : { kind: "usage", text: "Usage: /unalias name" };
    case "/bind": {
      if (rest.length === 0) return { kind: "bind-list" };
      const [key, first] = rest;
      if (key === undefined || !bindableKey(key) || first === undefined || !first.startsWith("/"))
        return { kind: "usage", text: BIND_USAGE };
      const trimmed = line.trim();
      return {
        kind: "bind",
        key: key.toLowerCase(),
        line: trimmed.slice(trimmed.indexOf(first, "/bind".length + key.length)),
      };
    }
    case "/unbind":
      return rest.length === 1 && rest[0] && bindableKey(rest[0])
        ? { kind: "unbind", key: rest[0].toLowerCase() }
        : { kind: "usage", text: BIND_USAGE };
    case "/set":
      if (rest.length === 0) return { kind: "set-list" };
      return rest.length === 2 && rest[0] && rest[1]
        ? { kind: "set", key: rest[0].toLowerCase(), value: rest[1].toLowerCase() }
        : { kind: "usage", text: SET_USAGE };
    default:
      return null;
  }
}

/** A line starting with an alias, expanded once (an alias cannot call itself round in circles). */
export function expandAlias(line: string, aliases: Settings["aliases"]): string {
  const match = /^\/(\S+)(\s.*)?$/s.exec(line);
  const expansion = match?.[1] ? aliases[match[1].toLowerCase()] : undefined;
  if (expansion === undefined) return line;
  const words = match?.[2]?.trim() ?? "";
  return words === "" ? expansion : `${expansion} ${words}`;
}

/** `/set key value` applied, or why it cannot be. */
export function withSetting(
  settings: Settings,
  key: string,
  value: string,
): { ok: true; settings: Settings } | { ok: false; text: string } {
  if (key === "clock" && (value === "24" || value === "12"))
    return { ok: true, settings: { ...settings, clock: value } };
  if (key === "log" && (value === "on" || value === "off"))
    return { ok: true, settings: { ...settings, log: value === "on" } };
  const replacing = key.startsWith("color.") ? replaceableColour(key.slice("color.".length)) : null;
  if (replacing !== null) {
    const { [replacing]: _old, ...others } = settings.colors ?? {};
    const colour = value === "default" ? null : colourNamed(value);
    if (value === "default") return { ok: true, settings: { ...settings, colors: others } };
    if (colour !== null) return { ok: true, settings: { ...settings, colors: { ...others, [replacing]: colour } } };
  }
  return { ok: false, text: `Cannot set ${key} to ${value}. ${SET_USAGE}` };
}

export function settingsText(settings: Settings): string {
  const colours = Object.entries(settings.colors ?? {}).map(([from, to]) => `color.${from} ${to}`);
  return [`clock ${settings.clock ?? "24"}`, `log ${settings.log === true ? "on" : "off"}`, ...colours].join(", ");
}

export function bindingsText(keys: Settings["keys"]): string {
  const names = Object.keys(keys ?? {}).sort();
  if (names.length === 0) return "No key bindings: /bind alt+s /command makes one.";
  return ["Key bindings:", ...names.map((k) => `  ${k} = ${keys?.[k] ?? ""}`)].join("\n");
}

export function aliasesText(aliases: Settings["aliases"]): string {
  const names = Object.keys(aliases).sort();
  if (names.length === 0) return "No aliases: /alias name /command [words] makes one.";
  return ["Aliases:", ...names.map((n) => `  /${n} = ${aliases[n] ?? ""}`)].join("\n");
}
