import type { IrcClient } from "./irc-client";
import { maskOf, SERVER_VERSION } from "./server-info";

const CTCP = "\u0001";

export type CtcpResult = { kind: "text"; text: string; action: boolean } | { kind: "handled" };

/**
 * A PRIVMSG's text as CanaDuck takes it. ACTION becomes a /me line; VERSION and PING are
 * answered by the gateway for the target (web users have no client to answer them); any other
 * CTCP is refused with a NOTICE and not stored. IRC formatting codes are removed: CanaDuck text
 * holds no control characters, and a line is not refused for being bold.
 */
export function readCtcp(client: IrcClient, target: string, text: string): CtcpResult {
  if (!text.startsWith(CTCP)) return { kind: "text", text: stripFormatting(text), action: false };
  const body = text.slice(1, text.endsWith(CTCP) ? -1 : undefined);
  const space = body.indexOf(" ");
  const verb = (space === -1 ? body : body.slice(0, space)).toUpperCase();
  const arg = space === -1 ? "" : body.slice(space + 1);
  if (verb === "ACTION") return { kind: "text", text: stripFormatting(arg), action: true };
  const answer = (reply: string) =>
    client.send({
      tags: {},
      source: maskOf(target),
      command: "NOTICE",
      params: [client.nick, `${CTCP}${reply}${CTCP}`],
    });
  if (verb === "VERSION") answer(`VERSION ${SERVER_VERSION} (CanaDuck gateway)`);
  else if (verb === "PING") answer(arg === "" ? "PING" : `PING ${arg}`);
  else client.notice(`CTCP ${verb} is not supported here; only ACTION, VERSION and PING are.`);
  return { kind: "handled" };
}
const FORMATTING =
  // eslint-disable-next-line no-control-regex -- IRC's formatting codes are control characters
  /\u0003(\d{1,2}(,\d{1,2})?)?|\u0004[0-9A-Fa-f]{6}(,[0-9A-Fa-f]{6})?|[\u0002\u000f\u0011\u0016\u001d\u001e\u001f]/g;

export const stripFormatting = (text: string): string => text.replace(FORMATTING, "");
