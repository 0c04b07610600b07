import { replyRefusal } from "../ack-reply";
import type { IrcCommand } from "../command-spec";
import { NUMERICS } from "../numerics";

/** LIST [#a,#b]: the channels anyone can see, with member counts and topics. */
export const list: IrcCommand = {
  minParams: 0,
  needsAccount: true,
  async handler(client, { params }) {
    const ack = await client.call("channel:list", {});
    if (!ack.ok) return replyRefusal(client, "LIST", "*", ack.error);
    const only = params[0] ? new Set(params[0].toLowerCase().split(",")) : null;
    client.reply(NUMERICS.RPL_LISTSTART, "Channel", "Users  Name");
    for (const c of ack.data.channels) {
      if (only && !only.has(c.name.toLowerCase())) continue;
      client.reply(NUMERICS.RPL_LIST, c.name, String(c.memberCount), c.topic);
    }
    client.reply(NUMERICS.RPL_LISTEND, "End of /LIST");
  },
};
