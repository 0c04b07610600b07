import type { Ack } from "@canaduck/contract";
import { replyRefusal } from "../ack-reply";
import type { IrcCommand } from "../command-spec";
import type { IrcClient } from "../irc-client";
import { NUMERICS } from "../numerics";
import { SERVER_NAME } from "../server-info";

/** `nick` or `nick!*@*`: CanaDuck bans accounts, so a mask must name exactly one nick. */
function nickOfMask(mask: string): string | null {
  const match = /^([^!@*?]+)(!\*@\*)?$/.exec(mask);
  return match?.[1] ?? null;
}

/** One mode change as the command it is; null when IRC names a mode CanaDuck does not have. */
function change(client: IrcClient, channel: string, adding: boolean, mode: string, arg: string | undefined) {
  if (mode === "i") return client.call("channel:mode", { channel, inviteOnly: adding });
  if (arg === undefined) return "needs-arg" as const;
  if (mode === "o") return client.call(adding ? "channel:op" : "channel:deop", { channel, nick: arg });
  if (mode === "b") {
    const nick = nickOfMask(arg);
    if (nick === null) return "bad-mask" as const;
    return client.call(adding ? "channel:ban" : "channel:unban", { channel, nick });
  }
  return null;
}

/** The ban list (367s then 368): each ban as `nick!*@*`, by whom and since when (seconds). */
async function banList(client: IrcClient, channel: string) {
  const ack = await client.call("channel:bans", { channel });
  if (!ack.ok) return replyRefusal(client, "MODE", channel, ack.error);
  for (const ban of ack.data.bans) {
    const since = String(Math.floor(Date.parse(ban.createdAt) / 1000));
    client.reply(NUMERICS.RPL_BANLIST, channel, `${ban.nick}!*@*`, ban.by ?? SERVER_NAME, since);
  }
  client.reply(NUMERICS.RPL_ENDOFBANLIST, channel, "End of channel ban list");
}

async function channelModes(client: IrcClient, channel: string, modestring: string | undefined, args: string[]) {
  if (modestring === undefined) {
    const ack = await client.call("channel:topic", { channel });
    if (!ack.ok) return replyRefusal(client, "MODE", channel, ack.error);
    return client.reply(NUMERICS.RPL_CHANNELMODEIS, channel, ack.data.channel.inviteOnly ? "+i" : "+");
  }
  if (args.length === 0) {
    if (/^\+?b$/.test(modestring)) return banList(client, channel);
    // Clients ask for these lists on join (irssi does): CanaDuck has no exceptions nor invite masks.
    if (/^\+?e$/.test(modestring)) return client.reply(NUMERICS.RPL_ENDOFEXCEPTLIST, channel, "End of exception list");
    if (/^\+?I$/.test(modestring)) return client.reply(NUMERICS.RPL_ENDOFINVITELIST, channel, "End of invite list");
  }
  let adding = true;
  for (const mode of modestring) {
    if (mode === "+" || mode === "-") {
      adding = mode === "+";
      continue;
    }
    const arg = mode === "i" ? undefined : args.shift();
    const result = change(client, channel, adding, mode, arg);
    if (result === null) {
      client.reply(NUMERICS.ERR_UNKNOWNMODE, mode, "is not a channel mode here (i, o and b are)");
      continue;
    }
    if (result === "needs-arg") return client.reply(NUMERICS.ERR_NEEDMOREPARAMS, "MODE", "Not enough parameters");
    if (result === "bad-mask") {
      client.fail("MODE", "INVALID_MASK", "Bans name one account: give a nick or nick!*@*", arg ?? "");
      continue;
    }
    const ack = (await result) as Ack<unknown>;
    if (!ack.ok) replyRefusal(client, "MODE", channel, ack.error);
  }
}

/** MODE: user modes (none), and channel modes +i, +o/-o, +b/-b with the list queries. */
export const mode: IrcCommand = {
  minParams: 1,
  needsAccount: true,
  async handler(client, { params }) {
    const [target = "", modestring, ...args] = params;
    if (target.startsWith("#")) return channelModes(client, target, modestring, args);
    if (target.toLowerCase() !== client.nick.toLowerCase()) {
      return client.reply("502", "Cannot change mode for other users");
    }
    if (modestring === undefined) return client.reply(NUMERICS.RPL_UMODEIS, "+");
    // Clients set +i (or +w) on connect, irssi by default: there is nothing to hide or watch, so it is a no-op.
    if (/^[+-][iw]+$/.test(modestring)) return;
    client.reply(NUMERICS.ERR_UMODEUNKNOWNFLAG, "Unknown MODE flag");
  },
};
