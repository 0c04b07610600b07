import { randomUUID } from "node:crypto";
import { replyRefusal } from "../ack-reply";
import type { IrcCommand } from "../command-spec";
import { readCtcp } from "../ctcp";
import type { IrcClient } from "../irc-client";
import type { IrcMessage } from "../line";
import { linesOf } from "../message-lines";
import { seqOfMsgid } from "../msgid";
import { NUMERICS } from "../numerics";
import { MAX_TARGETS } from "../server-info";
import { nickServ } from "./nickserv";

/** Most clientIds remembered for echo suppression; a broadcast not seen by then is long gone. */
const OWN_SENDS_KEPT = 256;

/** One line to one target: message:send, and with echo-message the stored line as the echo. */
async function sendTo(client: IrcClient, command: string, target: string, message: IrcMessage): Promise<void> {
  const notice = command === "NOTICE";
  if (target.toLowerCase() === "nickserv") return notice ? undefined : nickServ(client, message.params[1] ?? "");
  if (client.account === null)
    return client.notice(`${command} ${target}: you are not logged in, so you may not speak.`);
  const read = readCtcp(client, target, message.params[1] ?? "");
  if (read.kind === "handled") return;
  const reply = message.tags["+draft/reply"];
  const replyTo = typeof reply === "string" ? seqOfMsgid(reply) : null;
  const clientId = randomUUID();
  client.ownSends.add(clientId);
  if (client.ownSends.size > OWN_SENDS_KEPT) client.ownSends.delete(client.ownSends.values().next().value ?? "");
  const ack = await client.call("message:send", {
    target,
    text: read.text,
    clientId,
    ...(read.action ? { action: true } : {}),
    ...(replyTo !== null ? { replyTo } : {}),
  });
  if (!ack.ok) {
    client.ownSends.delete(clientId);
    // A NOTICE is never answered with an error (RFC 2812), so two bots cannot loop.
    if (notice) return;
    if (ack.error.code === "NOT_A_MEMBER" || ack.error.code === "BANNED") {
      return client.reply(NUMERICS.ERR_CANNOTSENDTOCHAN, target, ack.error.message);
    }
    return replyRefusal(client, command, target, ack.error);
  }
  if (!client.has("echo-message")) return;
  const stored = ack.data.message;
  const conversation = client.conversations.get(stored.channelId) ?? {
    id: stored.channelId,
    kind: target.startsWith("#") ? ("channel" as const) : ("direct" as const),
    name: target,
    lastSeq: stored.seq,
    seen: [],
  };
  for (const line of linesOf(client, conversation, stored)) {
    client.send({ ...line, command: notice ? "NOTICE" : line.command });
  }
}

function messageCommand(command: "PRIVMSG" | "NOTICE"): IrcCommand {
  return {
    minParams: 2,
    async handler(client, message) {
      const targets = (message.params[0] ?? "").split(",").filter(Boolean);
      if (targets.length > MAX_TARGETS) {
        return client.reply(NUMERICS.ERR_TOOMANYTARGETS, message.params[0] ?? "", `At most ${MAX_TARGETS} targets`);
      }
      for (const target of targets) await sendTo(client, command, target, message);
    },
  };
}

export const privmsg = messageCommand("PRIVMSG");
export const notice = messageCommand("NOTICE");
