import type { ChatError } from "@canaduck/contract";
import type { IrcClient } from "./irc-client";
import { NUMERICS } from "./numerics";

/**
 * A refused command as the numeric an IRC client expects; `subject` is the channel or nick the
 * command was about. Codes IRC has no numeric for are said in a NOTICE with CanaDuck's reason.
 */
export function replyRefusal(client: IrcClient, command: string, subject: string, error: ChatError): void {
  const text = error.message;
  switch (error.code) {
    case "NO_SUCH_CHANNEL":
      return client.reply(NUMERICS.ERR_NOSUCHCHANNEL, subject, text);
    case "NO_SUCH_USER":
      return client.reply(NUMERICS.ERR_NOSUCHNICK, subject, text);
    case "NOT_A_MEMBER":
      return client.reply(NUMERICS.ERR_NOTONCHANNEL, subject, text);
    case "ALREADY_A_MEMBER":
      return client.reply(NUMERICS.ERR_USERONCHANNEL, client.nick, subject, text);
    case "FORBIDDEN":
      return subject.startsWith("#")
        ? client.reply(NUMERICS.ERR_CHANOPRIVSNEEDED, subject, text)
        : client.notice(`${command}: ${text}`);
    case "BANNED":
      return client.reply(NUMERICS.ERR_BANNEDFROMCHAN, subject, text);
    case "INVITE_ONLY":
      return client.reply(NUMERICS.ERR_INVITEONLYCHAN, subject, text);
    case "TOO_MANY_CHANNELS":
      return client.reply("405", subject, text);
    case "NICK_IN_USE":
      return client.reply(NUMERICS.ERR_NICKNAMEINUSE, subject, text);
    case "INVALID_NICK":
      return client.reply(NUMERICS.ERR_ERRONEUSNICKNAME, subject, text);
    case "NOT_AUTHENTICATED":
      return client.notice(`${command}: you are not logged in (${text})`);
    case "RATE_LIMITED":
      return client.fail(
        command,
        "RATE_LIMITED",
        `${text} (retry in ${Math.ceil((error.retryAfterMs ?? 1000) / 1000)} s)`,
      );
    default:
      return client.fail(command, error.code, text);
  }
}
