import { replyExcerpt, type Message } from "@canaduck/contract";
import { addReactor, removeReactor } from "./reactions";

/**
 * Line `line` after the change entry `change` (edit, delete, react, unreact, preview) that targets it.
 * A change at or below the line's version is already in the copy held (a history page gives lines
 * in their current state), so it changes nothing: applying an entry twice is harmless.
 */
export function applyChange(line: Message, change: Message, meId: string | null): Message {
  if (change.meta.targetSeq !== line.seq || change.seq <= line.version) return line;
  const version = change.seq;
  switch (change.kind) {
    case "edit":
      return { ...line, version, text: change.text, editedAt: change.createdAt };
    case "delete": {
      const { reactions: _reactions, editedAt: _editedAt, ...rest } = line;
      return { ...rest, version, text: "", meta: {}, deleted: true };
    }
    case "react":
    case "unreact": {
      const emoji = change.meta.emoji ?? "";
      const author = change.author;
      if (!author) return { ...line, version };
      const reactions =
        change.kind === "react"
          ? addReactor(line.reactions, emoji, { id: author.id, name: author.name, seq: change.seq }, meId)
          : removeReactor(line.reactions, emoji, author.id, meId);
      const { reactions: _old, ...rest } = line;
      return reactions ? { ...rest, version, reactions } : { ...rest, version };
    }
    case "preview":
      return change.meta.preview
        ? { ...line, version, meta: { ...line.meta, preview: change.meta.preview } }
        : { ...line, version };
    default:
      return line;
  }
}

/** A reply's summary of its original after a change to the original: the excerpt follows edits and deletions. */
export function applyChangeToReply(reply: Message, change: Message): Message {
  const summary = reply.replyTo;
  if (!summary || summary.seq !== change.meta.targetSeq || change.seq <= summary.version) return reply;
  const version = change.seq;
  if (change.kind === "edit") return { ...reply, replyTo: { ...summary, version, excerpt: replyExcerpt(change.text) } };
  if (change.kind === "delete") return { ...reply, replyTo: { ...summary, version, excerpt: "", deleted: true } };
  return { ...reply, replyTo: { ...summary, version } };
}

/** Loaded lines after a change entry: its target and every reply to it; untouched lines keep their identity. */
export function applyChangeToLines(lines: readonly Message[], change: Message, meId: string | null): Message[] {
  let touched = false;
  const next = lines.map((line) => {
    const changed = applyChangeToReply(applyChange(line, change, meId), change);
    if (changed !== line) touched = true;
    return changed;
  });
  return touched ? next : (lines as Message[]);
}
