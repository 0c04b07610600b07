import { commandNames, helpLines } from "@canaduck/contract";
import { keyHelp } from "../input/key-commands";

/** The terminal's own window commands (read before the shared grammar: see window-commands.ts). */
const windowHelp = [
  "Windows:",
  "  /window N        go to window N",
  "  /window move N   give the shown window number N",
  "  /close           close the window (a channel's is parted)",
  "  /q nick          open a conversation with nick (/quit leaves)",
];

/** One command as a line: its usage, then what it does (unpadded, so it wraps well in a narrow pane). */
const commandLine = (name: string) => {
  const [usage = `/${name}`, help = ""] = helpLines(name) ?? [];
  return `  ${usage} — ${help.trim()}`;
};

/** `/help`: every command and the keys; `/help kick`: that command's usage and help. */
export function helpText(command?: string): string {
  if (command !== undefined) return (helpLines(command) ?? [`No command /${command}.`]).join("\n");
  return ["Commands:", ...commandNames.map(commandLine), ...windowHelp, ...keyHelp].join("\n");
}
