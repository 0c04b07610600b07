import { isChannelName, isLine, type ChangeKind, type LinkPreview } from "@canaduck/contract";
import type { ChannelScope, Runtime, UserContext } from "../command";
import { refuse } from "../domain-error";
import type { ChannelRecord, LinePatch, MessageRecord, UserRecord } from "../records";
import { appendMessage } from "./append-message";
import { findDirect } from "./direct";
import { requireUserByNick } from "./lookup";

/** A command about a line: of a channel by its name, or of the direct conversation with a nick. */
type LineEvent = "message:edit" | "message:delete" | "message:react" | "message:unreact" | "read:mark";

/** The channel the dispatcher checks access to; undefined when the target is a nick. */
export const channelTarget = (p: { target: string }): string | undefined =>
  isChannelName(p.target) ? p.target : undefined;

/** The conversation a line command is about, or null for a nick the actor never talked to. */
export async function conversationOf<E extends LineEvent>(
  ctx: UserContext<E>,
  scope: ChannelScope | null,
): Promise<ChannelRecord | null> {
  if (scope) return scope.channel;
  return findDirect(ctx, ctx.user, await requireUserByNick(ctx, ctx.payload.target));
}

const noSuchLine = (seq: number): never => refuse("NO_SUCH_MESSAGE", `There is no line ${seq} in this conversation.`);

/**
 * The line at `seq` of the conversation: a change entry's seq, or one never written, is no line.
 * With `forChange`, the conversation's sequence row is locked first (a bump by zero): on
 * PostgreSQL two changes to one line then run one after the other, and the second reads the
 * line as the first left it (a second deletion is refused MESSAGE_DELETED, not written twice).
 */
export async function requireLine(
  ctx: Runtime,
  channel: ChannelRecord | null,
  seq: number,
  forChange = false,
): Promise<{ channel: ChannelRecord; line: MessageRecord }> {
  if (channel === null) return noSuchLine(seq);
  if (forChange) await ctx.tx.channels.allocateSeqs(channel.id, 0);
  const [line] = await ctx.tx.messages.findBySeqs([channel.id], [seq]);
  if (line === undefined || !isLine(line)) return noSuchLine(seq);
  return { channel, line };
}

export const refuseDeleted = (seq: number): never => refuse("MESSAGE_DELETED", `Line ${seq} was deleted.`);

/**
 * Writes a change entry about `line` (the next seq, announced like any entry) and applies it to
 * the line's row, whose version becomes the entry's seq. Returns the entry and the line as now.
 */
export async function writeChange(
  ctx: Runtime,
  /** Null for a change the server itself makes (a link preview). */
  author: UserRecord | null,
  channel: ChannelRecord,
  line: MessageRecord,
  change: { kind: ChangeKind; text?: string; emoji?: string; preview?: LinkPreview },
  patch: LinePatch,
): Promise<{ entry: MessageRecord; line: MessageRecord }> {
  const meta = {
    targetSeq: line.seq,
    ...(change.emoji === undefined ? {} : { emoji: change.emoji }),
    ...(change.preview === undefined ? {} : { preview: change.preview }),
  };
  const entry = await appendMessage(ctx, channel, {
    kind: change.kind,
    author,
    ...(change.text === undefined ? {} : { text: change.text }),
    meta,
  });
  const applied = { ...patch, version: entry.seq };
  await ctx.tx.messages.updateLine(channel.id, line.seq, applied);
  return { entry, line: { ...line, ...applied } };
}
