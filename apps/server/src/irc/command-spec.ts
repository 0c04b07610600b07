import type { IrcClient } from "./irc-client";
import type { IrcMessage } from "./line";

/**
 * One IRC command, as Ergo's irc/commands.go declares them: the checks that apply to every
 * command (parameters, registration, an account) are made once in dispatch, not in handlers.
 */
export interface IrcCommand {
  handler(client: IrcClient, message: IrcMessage): void | Promise<void>;
  /** Fewer parameters are answered with 461 ERR_NEEDMOREPARAMS. */
  minParams: number;
  /** Usable before registration completes (CAP, NICK, USER, PASS, AUTHENTICATE, PING, QUIT). */
  preRegistration?: boolean;
  /** Needs a logged-in CanaDuck account; without one the client is told how to log in. */
  needsAccount?: boolean;
}
