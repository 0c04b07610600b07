import type { MemberView } from "@canaduck/contract";
import { replyRefusal } from "../ack-reply";
import type { IrcCommand } from "../command-spec";
import type { IrcClient } from "../irc-client";
import { NUMERICS } from "../numerics";
import { maskOf } from "../server-info";

/** A member's prefixes: ~ for the owner, @ for operators (the owner shows both with multi-prefix). */
export function prefixOf(client: IrcClient, member: MemberView): string {
  if (member.role === "owner") return client.has("multi-prefix") ? "~@" : "~";
  return member.role === "operator" ? "@" : "";
}

/** 353 lines (as many as the names need) and 366, from channel:who. */
export async function namesReply(client: IrcClient, channel: string): Promise<void> {
  const ack = await client.call("channel:who", { channel });
  if (!ack.ok) return replyRefusal(client, "NAMES", channel, ack.error);
  const names = ack.data.members.map(
    (m) => prefixOf(client, m) + (client.has("userhost-in-names") ? maskOf(m.name) : m.name),
  );
  let line: string[] = [];
  let size = 0;
  for (const name of names) {
    if (size + name.length > 400) {
      client.reply(NUMERICS.RPL_NAMREPLY, "=", channel, line.join(" "));
      line = [];
      size = 0;
    }
    line.push(name);
    size += name.length + 1;
  }
  if (line.length > 0) client.reply(NUMERICS.RPL_NAMREPLY, "=", channel, line.join(" "));
  client.reply(NUMERICS.RPL_ENDOFNAMES, channel, "End of /NAMES list.");
}

export const names: IrcCommand = {
  minParams: 0,
  needsAccount: true,
  async handler(client, { params }) {
    const [channel] = (params[0] ?? "").split(",");
    if (channel === undefined || channel === "")
      return client.reply(NUMERICS.RPL_ENDOFNAMES, "*", "End of /NAMES list.");
    await namesReply(client, channel);
  },
};
