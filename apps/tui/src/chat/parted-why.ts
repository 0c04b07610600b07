import type { ChannelState } from "@canaduck/client";
import { displayName } from "@canaduck/client";

/**
 * Why the user is no longer in `channel`, from its last lines (the server sends the kick or ban
 * line to its target before it stops sending the channel): "You were kicked from #dev by bob
 * (spam)." Null when the user was not put out (they parted themselves, here or elsewhere).
 */
export function partedWhy(channel: ChannelState, meId: string): string | null {
  const last = channel.messages.findLast(
    (m) => (m.kind === "kick" || m.kind === "ban" || m.kind === "join") && (m.meta.target?.id ?? m.author?.id) === meId,
  );
  if (!last || last.kind === "join") return null;
  const by = last.author?.name ?? "the server";
  const why = last.meta.reason ? ` (${last.meta.reason})` : "";
  const verb = last.kind === "kick" ? "kicked from" : "banned from";
  return `You were ${verb} ${displayName(channel.view)} by ${by}${why}. /close closes this window.`;
}
