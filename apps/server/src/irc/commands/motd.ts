import type { IrcCommand } from "../command-spec";
import { lusers as sendLusers, motd as sendMotd } from "../welcome";

export const motd: IrcCommand = { minParams: 0, handler: (client) => sendMotd(client) };
export const lusers: IrcCommand = { minParams: 0, handler: (client) => sendLusers(client) };
