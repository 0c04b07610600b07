import type { IrcClient } from "./irc-client";
import { joinBurst } from "./join-burst";
import { logIn, splitPass } from "./login";
import { NUMERICS } from "./numerics";
import { isupportTokens, NETWORK_NAME, NOT_LOGGED_IN_NOTICE, SERVER_NAME, SERVER_VERSION } from "./server-info";

const started = new Date().toUTCString();

/**
 * Completes registration once NICK, USER and (when negotiating) CAP END have all come: a PASS
 * is tried first (a wrong one ends the link, as on any server), then the welcome burst and,
 * for an account, its channels.
 */
export async function tryFinishRegistration(client: IrcClient): Promise<void> {
  if (client.registered || client.nick === "*" || client.username === null || client.capNegotiating) return;
  if (client.pass !== null && client.account === null) {
    const { name, password } = splitPass(client.pass, client.nick);
    client.pass = null;
    const login = await logIn(client, name, password);
    if (!login.ok) {
      client.reply(NUMERICS.ERR_PASSWDMISMATCH, "Password incorrect");
      return client.close("Closing link: password incorrect");
    }
  }
  client.registered = true;
  if (client.account) client.nick = client.account.name;
  welcome(client);
  if (client.account) await joinBurst(client);
  else client.notice(NOT_LOGGED_IN_NOTICE);
}

function welcome(client: IrcClient): void {
  client.reply(NUMERICS.RPL_WELCOME, `Welcome to the ${NETWORK_NAME} IRC gateway, ${client.nick}`);
  client.reply(NUMERICS.RPL_YOURHOST, `Your host is ${SERVER_NAME}, running version ${SERVER_VERSION}`);
  client.reply(NUMERICS.RPL_CREATED, `This server was started ${started}`);
  client.reply(NUMERICS.RPL_MYINFO, SERVER_NAME, SERVER_VERSION, "i", "biqo");
  const tokens = isupportTokens(client.deps.maxChannelsPerUser);
  // At most 13 tokens a line, as servers send them.
  for (let i = 0; i < tokens.length; i += 13) {
    client.reply(NUMERICS.RPL_ISUPPORT, ...tokens.slice(i, i + 13), "are supported by this server");
  }
  lusers(client);
  motd(client);
}

export function lusers(client: IrcClient): void {
  const count = client.deps.clientCount();
  client.reply(NUMERICS.RPL_LUSERCLIENT, `There are ${count} users and 0 invisible on 1 servers`);
  client.reply(NUMERICS.RPL_LUSERME, `I have ${count} clients and 1 servers`);
}

const MOTD = [
  "CanaDuck: the same channels and history as the web and terminal clients.",
  "Edits arrive as a new line starting (edited); deletions as REDACT where supported.",
];

export function motd(client: IrcClient): void {
  client.reply(NUMERICS.RPL_MOTDSTART, `- ${SERVER_NAME} Message of the day -`);
  for (const line of MOTD) client.reply(NUMERICS.RPL_MOTD, `- ${line}`);
  client.reply(NUMERICS.RPL_ENDOFMOTD, "End of /MOTD command.");
}
