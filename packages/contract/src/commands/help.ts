import {
  adminCommands,
  commandAliases,
  commandNames,
  commandSpecs,
  resolveCommandName,
  type CommandName,
} from "./command-specs";

const usageWidth = Math.max(...commandNames.map((name) => commandSpecs[name].usage.length));

const helpLine = (name: CommandName) => `${commandSpecs[name].usage.padEnd(usageWidth)}  ${commandSpecs[name].help}`;

/**
 * Usage and one-line help: of every command (the admins' only for an admin), or of the one named (with or without `/`, or by
 * alias); null when there is no such command.
 */
export function helpLines(command?: string, forAdmin = true): string[] | null {
  // The list leaves out the admins' commands for everyone else; asked by name, each is explained.
  if (command === undefined) return commandNames.filter((name) => forAdmin || !adminCommands.has(name)).map(helpLine);
  const name = resolveCommandName(command);
  if (name === null) return null;
  const { usage, help } = commandSpecs[name];
  const aliases = Object.entries(commandAliases).flatMap(([alias, full]) => (full === name ? [`/${alias}`] : []));
  return aliases.length === 0 ? [usage, `  ${help}`] : [usage, `  ${help}`, `  Short form: ${aliases.join(", ")}`];
}
