import type { Runtime } from "../command";
import type { ChannelRecord, ReadMarkerRecord } from "../records";
import { channelView } from "./views";

/** Whether a closed direct conversation is still hidden from its closer: no line came after it was closed. */
export const isClosedFor = (channel: ChannelRecord, marker: ReadMarkerRecord | undefined): boolean =>
  channel.kind === "direct" &&
  marker?.closedSeq !== undefined &&
  marker.closedSeq !== null &&
  marker.closedSeq >= channel.lastSeq;

/**
 * Opens a direct conversation again for a member who closed it: the mark is cleared and their
 * connections get channel:joined (before any line that follows, as when it was started).
 */
export async function reopenFor(ctx: Runtime, channel: ChannelRecord, userId: string): Promise<boolean> {
  const marker = await ctx.tx.readMarkers.find(userId, channel.id);
  if (marker?.closedSeq === undefined || marker.closedSeq === null) return false;
  await ctx.tx.readMarkers.setClosed(userId, channel.id, null, ctx.now);
  ctx.out.emit({ user: userId }, "channel:joined", { channel: await channelView(ctx.tx, channel, userId) });
  return true;
}

/** A new line in a direct conversation brings it back to whichever of the two had closed it. */
export async function reopenForNewLine(ctx: Runtime, channel: ChannelRecord): Promise<void> {
  if (channel.kind !== "direct") return;
  for (const member of await ctx.tx.memberships.listMembers(channel.id)) await reopenFor(ctx, channel, member.user.id);
}

/** The conversations a user is in that their list shows: all but the direct ones they closed. */
export async function shownConversations<T extends { channel: ChannelRecord }>(
  ctx: Runtime,
  userId: string,
  joined: readonly T[],
): Promise<T[]> {
  if (!joined.some(({ channel }) => channel.kind === "direct")) return [...joined];
  const markers = new Map((await ctx.tx.readMarkers.listByUser(userId)).map((m) => [m.channelId, m]));
  return joined.filter(({ channel }) => !isClosedFor(channel, markers.get(channel.id)));
}
