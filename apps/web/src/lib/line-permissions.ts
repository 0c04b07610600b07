import type { ChannelView, Message, UserView } from "@canaduck/contract";
import { isSaid } from "@canaduck/contract";

/** Whether the user may change the text of a line: their own text or /me line, not deleted. */
export const canEdit = (m: Message, me: UserView): boolean => isSaid(m) && !m.deleted && m.author?.id === me.id;

/** Whether the user moderates the conversation: its operator or owner, or an admin anywhere. */
export const moderates = (view: ChannelView, me: UserView): boolean =>
  me.isAdmin || view.role === "operator" || view.role === "owner";

/**
 * Whether the user may delete a line: their own said line, or any line of a conversation they
 * moderate (system lines only then: the server keeps those for moderators).
 */
export function canDelete(m: Message, view: ChannelView, me: UserView): boolean {
  if (m.deleted) return false;
  if (moderates(view, me)) return true;
  return isSaid(m) && m.author?.id === me.id;
}

/** Whether a line takes reactions and replies: said text or /me that is still there. */
export const canRespond = (m: Message): boolean => isSaid(m) && !m.deleted;

/** The user's newest line they can still edit, for ↑ in an empty composer. */
export function lastEditable(messages: readonly Message[], me: UserView): Message | null {
  for (let i = messages.length - 1; i >= 0; i -= 1) {
    const m = messages[i];
    if (m && canEdit(m, me)) return m;
  }
  return null;
}
