import type { IrcClient } from "../irc-client";
import { logIn } from "../login";
import { maskOf } from "../server-info";

const say = (client: IrcClient, text: string) =>
  client.send({ tags: {}, source: maskOf("NickServ"), command: "NOTICE", params: [client.nick, text] });

/**
 * NickServ for clients without SASL: IDENTIFY [account] <password> logs in, REGISTER <password>
 * [email] creates the account named by the current nick (the email is not kept).
 */
export async function nickServ(client: IrcClient, text: string): Promise<void> {
  const [verb = "", ...args] = text.trim().split(/\s+/);
  const command = verb.toUpperCase();
  if (command !== "IDENTIFY" && command !== "REGISTER") {
    return say(client, "Commands: IDENTIFY [account] <password>, REGISTER <password> [email].");
  }
  if (client.account !== null) return say(client, `You are already logged in as ${client.account.name}.`);
  if (args.length === 0)
    return say(client, `Usage: ${command} ${command === "IDENTIFY" ? "[account] " : ""}<password>`);
  const result =
    command === "REGISTER"
      ? await logIn(client, client.nick, registerPassword(args), "register")
      : await identify(client, args);
  if (!result.ok) return say(client, `${command} failed: ${result.message}`);
  say(
    client,
    command === "REGISTER"
      ? `Account ${client.nick} registered; you are logged in.`
      : `You are now identified as ${client.nick}.`,
  );
}

/** A password may hold spaces; a last word with an "@" is the email REGISTER may be given. */
function registerPassword(args: string[]): string {
  const last = args.at(-1) ?? "";
  return (args.length > 1 && last.includes("@") ? args.slice(0, -1) : args).join(" ");
}

/** IDENTIFY <account> <password> when the first word is an account; else the whole text is the nick's password. */
async function identify(client: IrcClient, args: string[]) {
  if (args.length >= 2) {
    const named = await logIn(client, args[0] ?? "", args.slice(1).join(" "));
    if (named.ok) return named;
  }
  return logIn(client, client.nick, args.join(" "));
}
