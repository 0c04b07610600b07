import { replyRefusal } from "../ack-reply";
import type { IrcCommand } from "../command-spec";
import { NUMERICS } from "../numerics";
import { MAX_JOIN_TARGETS } from "../server-info";

/** PART #a,#b [:reason]: the PART line comes back with the channel:left event, on every device. */
export const part: IrcCommand = {
  minParams: 1,
  needsAccount: true,
  async handler(client, { params }) {
    const channels = (params[0] ?? "").split(",").filter(Boolean);
    if (channels.length > MAX_JOIN_TARGETS) {
      return client.reply(NUMERICS.ERR_TOOMANYTARGETS, params[0] ?? "", `At most ${MAX_JOIN_TARGETS} channels at once`);
    }
    const reason = params[1];
    for (const channel of channels) {
      const ack = await client.call("channel:part", reason ? { channel, reason } : { channel });
      if (!ack.ok) replyRefusal(client, "PART", channel, ack.error);
    }
  },
};
