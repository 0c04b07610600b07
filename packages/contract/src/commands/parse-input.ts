import { eventCommand, noTarget, unknownCommand } from "./build-support";
import { commandBuilders } from "./command-builders";
import { commandSpecs, resolveCommandName, type CommandName } from "./command-specs";
import { parseFailure } from "./parse-errors";
import type { ParseContext, ParseResult } from "./parsed-command";
import { tokenize } from "./tokenize";

/**
 * Turns what a user typed into a command, checked against its event's schema. Text not starting
 * with `/` (or starting with `//`, which sends one `/`) is a message to the current target.
 */
export function parseInput(text: string, context: ParseContext = {}): ParseResult {
  if (!text.startsWith("/") || text.startsWith("//"))
    return plainMessage(text.startsWith("//") ? text.slice(1) : text, context);

  const [head, ...argTokens] = tokenize(text);
  const typedName = head?.text.slice(1) ?? "";
  const name = resolveCommandName(typedName);
  if (name === null) return unknownCommand(typedName);

  const args = argTokens.map((token) => token.text);
  const arityError = checkArity(name, args.length);
  if (arityError) return arityError;

  const rest = (index: number) => {
    const token = argTokens[index];
    return token === undefined ? "" : text.slice(token.start);
  };
  return commandBuilders[name]({ args, rest, context });
}

function plainMessage(text: string, { currentTarget }: ParseContext): ParseResult {
  if (currentTarget === undefined) return noTarget("msg", "There is no channel or conversation open to send to");
  return eventCommand("msg", "message:send", { target: currentTarget, text });
}

/** The words a command needs, as its usage string names them. */
const requiredWords = (name: CommandName) =>
  commandSpecs[name].usage
    .split(" ")
    .slice(1)
    .filter((word) => !word.startsWith("["));

function checkArity(name: CommandName, count: number) {
  const { usage, minArgs, maxArgs } = commandSpecs[name];
  if (count < minArgs) {
    return parseFailure("MISSING_ARGUMENT", `Missing ${requiredWords(name)[count] ?? "argument"}. Usage: ${usage}`);
  }
  if (count > maxArgs) {
    const takes = maxArgs === 0 ? "no arguments" : `at most ${maxArgs} argument${maxArgs === 1 ? "" : "s"}`;
    return parseFailure("TOO_MANY_ARGUMENTS", `Too many arguments: /${name} takes ${takes}. Usage: ${usage}`);
  }
  return null;
}
