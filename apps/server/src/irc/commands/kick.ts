import { replyRefusal } from "../ack-reply";
import type { IrcCommand } from "../command-spec";
import { NUMERICS } from "../numerics";

/** KICK #chan nick [:reason] as /kick; the KICK line comes back as the channel's kick entry. */
export const kick: IrcCommand = {
  minParams: 2,
  needsAccount: true,
  async handler(client, { params }) {
    const [channel = "", nicks = "", reason] = params;
    if (nicks.includes(",")) return client.reply(NUMERICS.ERR_TOOMANYTARGETS, nicks, "Kick one nick at a time");
    const ack = await client.call("channel:kick", reason ? { channel, nick: nicks, reason } : { channel, nick: nicks });
    if (!ack.ok) {
      if (ack.error.code === "NOT_A_MEMBER")
        return client.reply(NUMERICS.ERR_USERNOTINCHANNEL, nicks, channel, ack.error.message);
      replyRefusal(client, "KICK", channel, ack.error);
    }
  },
};
