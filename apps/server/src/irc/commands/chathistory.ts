import type { Message } from "@canaduck/contract";
import { replyRefusal } from "../ack-reply";
import type { IrcCommand } from "../command-spec";
import type { Conversation, IrcClient } from "../irc-client";
import { pageLimit, seqOfRef } from "../history-refs";
import { playback } from "../playback";
import { chathistoryTargets } from "./chathistory-targets";

type Page = { ok: true; messages: Message[] } | { ok: false };

/** One history:read, as IRC asked for it; BETWEEN reads from its first bound towards the second. */
async function read(client: IrcClient, conversation: Conversation, sub: string, refs: number[], limit: number) {
  const target = conversation.name;
  const [a = 0, b = 0] = refs;
  const bound =
    sub === "BEFORE" ? { before: a } : sub === "AFTER" ? { after: a } : sub === "AROUND" ? { around: a } : null;
  if (bound) return client.call("history:read", { target, limit, ...bound });
  if (sub === "LATEST") return client.call("history:read", { target, limit });
  return client.call("history:read", { target, limit, ...(a < b ? { after: a } : { before: a }) });
}

async function page(client: IrcClient, conversation: Conversation, sub: string, refs: number[], limit: number) {
  const ack = await read(client, conversation, sub, refs, limit);
  if (!ack.ok) {
    replyRefusal(client, "CHATHISTORY", conversation.name, ack.error);
    return { ok: false } satisfies Page;
  }
  const [a = 0, b = 0] = refs;
  let { messages } = ack.data;
  if (sub === "LATEST") messages = messages.filter((m) => m.seq > a);
  if (sub === "BETWEEN") messages = messages.filter((m) => m.seq > Math.min(a, b) && m.seq < Math.max(a, b));
  return { ok: true, messages } satisfies Page;
}

/** CHATHISTORY LATEST|BEFORE|AFTER|AROUND|BETWEEN|TARGETS (draft/chathistory) over history:read. */
export const chathistory: IrcCommand = {
  minParams: 3,
  needsAccount: true,
  async handler(client, { params }) {
    const [rawSub = "", target = "", ...rest] = params;
    const sub = rawSub.toUpperCase();
    if (sub === "TARGETS") return chathistoryTargets(client, target, rest[0] ?? "", pageLimit(rest[1]));
    if (!["LATEST", "BEFORE", "AFTER", "AROUND", "BETWEEN"].includes(sub)) {
      return client.fail("CHATHISTORY", "INVALID_PARAMS", "Unknown subcommand", rawSub);
    }
    const conversation = client.conversationByName(target) ?? {
      id: "",
      kind: target.startsWith("#") ? ("channel" as const) : ("direct" as const),
      name: target,
      lastSeq: 0,
      seen: [],
    };
    const refCount = sub === "BETWEEN" ? 2 : 1;
    const refs: number[] = [];
    for (const ref of rest.slice(0, refCount)) {
      const seq = await seqOfRef(client, conversation, ref);
      if (seq === null) return client.fail("CHATHISTORY", "INVALID_PARAMS", "Invalid message reference", sub, ref);
      refs.push(seq);
    }
    const result = await page(client, conversation, sub, refs, pageLimit(rest[refCount]));
    if (result.ok) playback(client, conversation, result.messages, { evenEmpty: true });
  },
};
