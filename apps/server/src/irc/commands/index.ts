import type { IrcCommand } from "../command-spec";
import { authenticate } from "./authenticate";
import { away } from "./away";
import { cap } from "./cap";
import { chathistory } from "./chathistory";
import { invite } from "./invite";
import { join } from "./join";
import { kick } from "./kick";
import { list } from "./list";
import { markread } from "./markread";
import { mode } from "./mode";
import { lusers, motd } from "./motd";
import { names } from "./names";
import { nick } from "./nick";
import { part } from "./part";
import { pass } from "./pass";
import { ping, pong } from "./ping";
import { notice, privmsg } from "./privmsg";
import { quit } from "./quit";
import { redact } from "./redact";
import { tagmsg } from "./tagmsg";
import { topic } from "./topic";
import { user } from "./user";
import { who } from "./who";
import { whois } from "./whois";

/** Every IRC command the gateway understands; anything else is answered 421. */
export const commandTable: Record<string, IrcCommand | undefined> = {
  AUTHENTICATE: authenticate,
  AWAY: away,
  CAP: cap,
  CHATHISTORY: chathistory,
  INVITE: invite,
  JOIN: join,
  KICK: kick,
  LIST: list,
  LUSERS: lusers,
  MARKREAD: markread,
  MODE: mode,
  MOTD: motd,
  NAMES: names,
  NICK: nick,
  NOTICE: notice,
  PART: part,
  PASS: pass,
  PING: ping,
  PONG: pong,
  PRIVMSG: privmsg,
  QUIT: quit,
  REDACT: redact,
  TAGMSG: tagmsg,
  TOPIC: topic,
  USER: user,
  WHO: who,
  WHOIS: whois,
};
