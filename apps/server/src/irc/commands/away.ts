import { replyRefusal } from "../ack-reply";
import type { IrcCommand } from "../command-spec";
import { NUMERICS } from "../numerics";

/** AWAY [:message] as /away, on every device of the account. */
export const away: IrcCommand = {
  minParams: 0,
  needsAccount: true,
  async handler(client, { params }) {
    const message = params[0];
    const ack = await client.call("user:away", message ? { message } : {});
    if (!ack.ok) return replyRefusal(client, "AWAY", client.nick, ack.error);
    if (ack.data.away === null) client.reply(NUMERICS.RPL_UNAWAY, "You are no longer marked as being away");
    else client.reply(NUMERICS.RPL_NOWAWAY, "You have been marked as being away");
  },
};
