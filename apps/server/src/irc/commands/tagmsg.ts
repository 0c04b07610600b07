import { replyRefusal } from "../ack-reply";
import type { IrcCommand } from "../command-spec";
import { seqOfMsgid } from "../msgid";

/**
 * TAGMSG target with +draft/react=<emoji> (or +draft/unreact) and +draft/reply=<msgid>: a
 * reaction to that line, as /react. Other client-only tags (+typing) are not relayed.
 */
export const tagmsg: IrcCommand = {
  minParams: 1,
  needsAccount: true,
  async handler(client, { params, tags }) {
    const target = params[0] ?? "";
    const react = tags["+draft/react"];
    const unreact = tags["+draft/unreact"];
    const emoji = typeof react === "string" ? react : typeof unreact === "string" ? unreact : null;
    if (emoji === null) return;
    const reply = tags["+draft/reply"];
    const seq = typeof reply === "string" ? seqOfMsgid(reply) : null;
    if (seq === null) return client.fail("TAGMSG", "INVALID_PARAMS", "A reaction needs +draft/reply=<msgid>", target);
    const ack = await client.call(typeof react === "string" ? "message:react" : "message:unreact", {
      target,
      seq,
      emoji,
    });
    if (!ack.ok) replyRefusal(client, "TAGMSG", target, ack.error);
  },
};
