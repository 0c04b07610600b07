import { CHANNEL_PATTERN } from "@canaduck/contract";
import { replyRefusal } from "../ack-reply";
import { announceJoin } from "../announce-join";
import type { IrcCommand } from "../command-spec";
import { NUMERICS } from "../numerics";
import { MAX_JOIN_TARGETS } from "../server-info";

/** JOIN #a,#b [keys]: each channel joined as /join does; CanaDuck channels have no keys. */
export const join: IrcCommand = {
  minParams: 1,
  needsAccount: true,
  async handler(client, { params }) {
    const channels = (params[0] ?? "").split(",").filter(Boolean);
    const keys = (params[1] ?? "").split(",");
    if (channels.length > MAX_JOIN_TARGETS) {
      return client.reply(NUMERICS.ERR_TOOMANYTARGETS, params[0] ?? "", `At most ${MAX_JOIN_TARGETS} channels at once`);
    }
    for (const [i, channel] of channels.entries()) {
      if (keys[i]) {
        client.reply(NUMERICS.ERR_BADCHANNELKEY, channel, "CanaDuck channels have no keys; join without one");
        continue;
      }
      if (!CHANNEL_PATTERN.test(channel)) {
        client.reply(NUMERICS.ERR_NOSUCHCHANNEL, channel, "A channel name is # then letters, digits, _ or -");
        continue;
      }
      const ack = await client.call("channel:join", { channel });
      if (!ack.ok) replyRefusal(client, "JOIN", channel, ack.error);
      else await announceJoin(client, ack.data.channel);
    }
  },
};
