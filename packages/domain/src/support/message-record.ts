import type { ClientEventPayload, MessageKind, MessageMeta } from "@canaduck/contract";
import type { MessageRecord, UserRecord } from "../records";

/** A line as a command describes it, before it has an id, a place and a time. */
export interface NewLine {
  kind: MessageKind;
  author: UserRecord | null;
  text?: string;
  meta?: MessageMeta;
  clientId?: string;
  /** A reply: the seq of the line it answers. */
  replyToSeq?: number;
}

/** Where and when a line is stored. */
export interface LinePlace {
  id: string;
  channelId: string;
  seq: number;
  at: Date;
}

/**
 * The one place a message record is built: a line sent alone and a line in a batch of sends
 * must be stored identically, so a new column is filled here once.
 */
export const messageRecord = (line: NewLine, place: LinePlace): MessageRecord => ({
  id: place.id,
  channelId: place.channelId,
  seq: place.seq,
  authorId: line.author?.id ?? null,
  authorName: line.author?.name ?? null,
  authorIsBot: line.author?.isBot ?? false,
  kind: line.kind,
  text: line.text ?? "",
  meta: line.meta ?? {},
  clientId: line.clientId ?? null,
  createdAt: place.at,
  version: place.seq,
  editedAt: null,
  deletedAt: null,
  targetSeq: line.meta?.targetSeq ?? null,
  replyToSeq: line.replyToSeq ?? null,
});

/** The line a message:send stores: text, or an action (/me) when it says so. */
export function sentLine(author: UserRecord, payload: ClientEventPayload<"message:send">): NewLine {
  const { text, action, clientId, replyTo } = payload;
  return {
    kind: action ? "action" : "text",
    author,
    text,
    ...(clientId === undefined ? {} : { clientId }),
    ...(replyTo === undefined ? {} : { replyToSeq: replyTo }),
  };
}
