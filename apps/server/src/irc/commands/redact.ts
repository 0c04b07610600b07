import type { IrcCommand } from "../command-spec";
import { seqOfMsgid } from "../msgid";

/** REDACT target msgid [:reason] (draft/message-redaction) as /delete; REDACT comes back to every client. */
export const redact: IrcCommand = {
  minParams: 2,
  needsAccount: true,
  async handler(client, { params }) {
    const [target = "", msgid = ""] = params;
    const seq = seqOfMsgid(msgid);
    if (seq === null) return client.fail("REDACT", "UNKNOWN_MSGID", "No such message", target, msgid);
    const ack = await client.call("message:delete", { target, seq });
    if (ack.ok) return;
    const code = {
      FORBIDDEN: "REDACT_FORBIDDEN",
      NO_SUCH_MESSAGE: "UNKNOWN_MSGID",
      MESSAGE_DELETED: "UNKNOWN_MSGID",
      NOT_A_MEMBER: "INVALID_TARGET",
      NO_SUCH_CHANNEL: "INVALID_TARGET",
      NO_SUCH_USER: "INVALID_TARGET",
    }[ack.error.code as string];
    client.fail("REDACT", code ?? ack.error.code, ack.error.message, target, msgid);
  },
};
