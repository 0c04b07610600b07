import { replyRefusal } from "../ack-reply";
import type { IrcCommand } from "../command-spec";
import { NUMERICS } from "../numerics";
import { SERVER_NAME, USER_HOST } from "../server-info";

/** WHOIS [server] nick as /whois: user, channels in common, away, idle, account, end. */
export const whois: IrcCommand = {
  minParams: 1,
  needsAccount: true,
  async handler(client, { params }) {
    const nick = (params.length > 1 ? params[1] : params[0]) ?? "";
    const ack = await client.call("user:whois", { nick });
    if (!ack.ok) {
      replyRefusal(client, "WHOIS", nick, ack.error);
      return client.reply(NUMERICS.RPL_ENDOFWHOIS, nick, "End of /WHOIS list.");
    }
    const { user, away, idleSeconds, channelsInCommon, online } = ack.data;
    client.reply(NUMERICS.RPL_WHOISUSER, user.name, user.name, USER_HOST, "*", user.name);
    if (channelsInCommon.length > 0) client.reply(NUMERICS.RPL_WHOISCHANNELS, user.name, channelsInCommon.join(" "));
    client.reply(NUMERICS.RPL_WHOISSERVER, user.name, SERVER_NAME, online ? "CanaDuck" : "CanaDuck (offline)");
    if (user.isAdmin) client.reply("313", user.name, "is a server administrator");
    if (away !== null) client.reply(NUMERICS.RPL_AWAY, user.name, away);
    if (idleSeconds !== null) client.reply("317", user.name, String(idleSeconds), "seconds idle");
    client.reply(NUMERICS.RPL_WHOISACCOUNT, user.name, user.name, "is logged in as");
    client.reply(NUMERICS.RPL_ENDOFWHOIS, user.name, "End of /WHOIS list.");
  },
};
