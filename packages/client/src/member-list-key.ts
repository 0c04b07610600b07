import { activeChannel, type ChatState } from "./state";

/**
 * When the open channel's member list must be read: a key that changes on opening a channel and
 * on coming back online. Null when there is nothing to read (no channel open, a direct
 * conversation, or offline). Joins, parts, kicks and role changes do not change it: they arrive
 * as channel:member and are applied to the loaded list (see the reducer), so a channel of
 * thousands is not read again by every open list after each of them.
 */
export function memberListKey(state: ChatState): string | null {
  const channel = activeChannel(state);
  if (!channel || channel.view.kind !== "channel" || state.status !== "online") return null;
  return channel.view.id;
}
