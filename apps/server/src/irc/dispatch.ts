import { commandTable } from "./commands";
import type { IrcClient } from "./irc-client";
import { parseLine } from "./line";
import { NUMERICS, PARSE_ERROR_REPLY } from "./numerics";
import { NOT_LOGGED_IN_NOTICE } from "./server-info";

/** One line from the client: parsed, checked against its command's spec, run. */
export async function dispatchLine(client: IrcClient, bytes: Buffer | "too-long"): Promise<void> {
  if (bytes === "too-long") return client.reply(NUMERICS.ERR_INPUTTOOLONG, "Input line was too long");
  const parsed = parseLine(bytes);
  if (!parsed.ok) {
    if (parsed.error === "empty") return;
    const { numeric, text } = PARSE_ERROR_REPLY[parsed.error];
    // 421 names the command it refuses; a line that could not be read has none to name.
    return numeric === NUMERICS.ERR_UNKNOWNCOMMAND ? client.reply(numeric, "*", text) : client.reply(numeric, text);
  }
  const { message } = parsed;
  // Own properties only: a command named "constructor" is not one.
  const spec = Object.hasOwn(commandTable, message.command) ? commandTable[message.command] : undefined;
  if (spec === undefined) {
    return client.registered
      ? client.reply(NUMERICS.ERR_UNKNOWNCOMMAND, message.command, "Unknown command")
      : undefined;
  }
  const label = typeof message.tags.label === "string" ? message.tags.label : undefined;
  await client.labeled(label, async () => {
    if (!client.registered && !spec.preRegistration) {
      return client.reply(NUMERICS.ERR_NOTREGISTERED, "You have not registered");
    }
    if (message.params.length < spec.minParams) {
      return client.reply(NUMERICS.ERR_NEEDMOREPARAMS, message.command, "Not enough parameters");
    }
    if (spec.needsAccount && client.account === null) return client.notice(NOT_LOGGED_IN_NOTICE);
    await spec.handler(client, message);
  });
}
