import { replyRefusal } from "../ack-reply";
import type { IrcCommand } from "../command-spec";
import { NUMERICS } from "../numerics";

/** INVITE nick #chan as /invite; the invitee's clients are sent INVITE. */
export const invite: IrcCommand = {
  minParams: 2,
  needsAccount: true,
  async handler(client, { params }) {
    const [nick = "", channel = ""] = params;
    const ack = await client.call("channel:invite", { channel, nick });
    if (!ack.ok) {
      return replyRefusal(client, "INVITE", ack.error.code === "NO_SUCH_USER" ? nick : channel, ack.error);
    }
    client.reply(NUMERICS.RPL_INVITING, nick, channel);
  },
};
