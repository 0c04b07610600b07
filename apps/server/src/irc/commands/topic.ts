import { replyRefusal } from "../ack-reply";
import type { IrcCommand } from "../command-spec";
import { NUMERICS } from "../numerics";

/** TOPIC #chan [:topic]: read it, or set it (the TOPIC line comes back as the channel's topic entry). */
export const topic: IrcCommand = {
  minParams: 1,
  needsAccount: true,
  async handler(client, { params }) {
    const channel = params[0] ?? "";
    const text = params[1];
    const ack = await client.call("channel:topic", text === undefined ? { channel } : { channel, topic: text });
    if (!ack.ok) return replyRefusal(client, "TOPIC", channel, ack.error);
    if (text !== undefined) return;
    const { topic: current } = ack.data.channel;
    if (current === "") client.reply(NUMERICS.RPL_NOTOPIC, channel, "No topic is set");
    else client.reply(NUMERICS.RPL_TOPIC, channel, current);
  },
};
