import { commandNames, helpLines } from "@canaduck/contract";
import { keyHelp } from "../input/key-commands";

/** The terminal's own window commands (read before the shared grammar: see window-commands.ts). */
const windowHelp = [
  "Windows:",
  "  /window N        go to window N",
  "  /window move N   give the shown window number N",
  "  /close           close the window (a channel's is parted; a private one, on every device)",
  "  /q nick          open a conversation with nick (/quit leaves)",
];

/** The terminal's own everyday commands (see terminal-commands.ts). */
const terminalHelp = [
  "This terminal:",
  "  /clear                  clear the window (scroll back is not kept)",
  "  /lastlog [-n N] words   the window's lines holding every word",
  "  /alias name /cmd [words]  make /name run /cmd; /alias name removes it",
  "  /set clock 24|12, /set log on|off  saved in config.json; logs go to ~/.local/share/canaduck/logs",
  "  /set previews on|off    link previews under lines, for your account on every device",
  "  /set color.yellow blue  draw one of the client's colours as another (default: back)",
  "  /bind alt+s /command    a key runs a command; /bind lists, /unbind alt+s",
];

/** One command as a line: its usage, then what it does (unpadded, so it wraps well in a narrow pane). */
const commandLine = (name: string) => {
  const [usage = `/${name}`, help = ""] = helpLines(name) ?? [];
  return `  ${usage} — ${help.trim()}`;
};

/** `/help`: every command and the keys; `/help kick`: that command's usage and help. */
export function helpText(command?: string): string {
  if (command !== undefined) return (helpLines(command) ?? [`No command /${command}.`]).join("\n");
  return ["Commands:", ...commandNames.map(commandLine), ...windowHelp, ...terminalHelp, ...keyHelp].join("\n");
}
