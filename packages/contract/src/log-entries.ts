import { limits } from "./limits";
import { changeKinds, lineKinds, type ChangeKind, type LineKind, type Message } from "./models";

const lineKindSet: ReadonlySet<string> = new Set(lineKinds);
const changeKindSet: ReadonlySet<string> = new Set(changeKinds);

/** A log entry that is shown as a line (said text or a system line). */
export const isLine = (m: Pick<Message, "kind">): m is Pick<Message, "kind"> & { kind: LineKind } =>
  lineKindSet.has(m.kind);

/** A log entry that changes an earlier line (edit, delete, react, unreact): applied, not shown. */
export const isChange = (m: Pick<Message, "kind">): m is Pick<Message, "kind"> & { kind: ChangeKind } =>
  changeKindSet.has(m.kind);

/** Lines a person wrote: the only ones that may be edited, replied to with text, or counted as unread. */
export const isSaid = (m: Pick<Message, "kind">): boolean => m.kind === "text" || m.kind === "action";

/** The first words of a line as a reply shows them: whitespace folded, cut at a word near the limit. */
export function replyExcerpt(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= limits.replyExcerptLength) return flat;
  const cut = flat.slice(0, limits.replyExcerptLength);
  const space = cut.lastIndexOf(" ");
  return `${space > limits.replyExcerptLength / 2 ? cut.slice(0, space) : cut}…`;
}
