import { helpLines } from "@canaduck/contract";
import { keyHelp } from "../input/key-commands";

/** `/help`: every command's usage and the keys; `/help kick`: that command's usage. */
export function helpText(command?: string): string {
  if (command !== undefined) return (helpLines(command) ?? [`No command /${command}.`]).join("\n");
  return ["Commands:", ...(helpLines() ?? []).map((line) => `  ${line}`), ...keyHelp].join("\n");
}
