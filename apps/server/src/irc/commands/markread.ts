import { replyRefusal } from "../ack-reply";
import type { IrcCommand } from "../command-spec";
import { sendMarkRead, seqAtTime } from "../read-marker";

/**
 * MARKREAD target [timestamp=…] (draft/read-marker): the same read marker as the web's, so
 * reading in an IRC client clears the browser's badge. Every connection of the account is told
 * (read:marked), this one included.
 */
export const markread: IrcCommand = {
  minParams: 1,
  needsAccount: true,
  async handler(client, { params }) {
    const [target = "", ref] = params;
    const conversation = client.conversationByName(target);
    if (conversation === undefined)
      return client.fail("MARKREAD", "INVALID_PARAMS", "You are not in that conversation", target);
    if (ref === undefined) {
      const state = await client.call("session:state", {});
      const readSeq = state.ok ? (state.data.channels.find((c) => c.id === conversation.id)?.readSeq ?? 0) : 0;
      return sendMarkRead(client, conversation.id, readSeq);
    }
    const time = ref.startsWith("timestamp=") ? ref.slice(10) : "";
    if (Number.isNaN(Date.parse(time)))
      return client.fail("MARKREAD", "INVALID_PARAMS", "Invalid timestamp", target, ref);
    const seq = await seqAtTime(client, conversation, time);
    const ack = await client.call("read:mark", { target: conversation.name, seq });
    if (!ack.ok) replyRefusal(client, "MARKREAD", target, ack.error);
  },
};
