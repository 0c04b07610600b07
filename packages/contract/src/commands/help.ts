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

/** One command as help shows it: how to type it, what it does, and its short forms ("/j"). */
export interface HelpEntry {
  name: CommandName;
  usage: string;
  help: string;
  aliases: string[];
}

const aliasesOf = (name: CommandName) =>
  Object.entries(commandAliases).flatMap(([alias, full]) => (full === name ? [`/${alias}`] : []));

/**
 * The commands help lists, as data for a client that lays them out itself (the web's list): every
 * command (the admins' only for an admin), or the one named; null when there is no such command.
 */
export function helpEntries(command?: string, forAdmin = true): HelpEntry[] | null {
  const entry = (name: CommandName): HelpEntry => ({
    name,
    usage: commandSpecs[name].usage,
    help: commandSpecs[name].help,
    aliases: aliasesOf(name),
  });
  if (command === undefined) return commandNames.filter((name) => forAdmin || !adminCommands.has(name)).map(entry);
  const name = resolveCommandName(command);
  return name === null ? null : [entry(name)];
}

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
  const aliases = aliasesOf(name);
  return aliases.length === 0 ? [usage, `  ${help}`] : [usage, `  ${help}`, `  Short form: ${aliases.join(", ")}`];
}
