import type { Runtime } from "../command";
import type { ChannelRecord, MembershipRecord, UserRecord } from "../records";
import { toMemberView } from "./views";

/**
 * Tells a channel's members how one member changed (joined, became operator or member again:
 * their view; left, kicked, banned: null), with the seq of the line that says so. Their clients
 * keep the member list from these instead of reading it again after every join or part — which
 * cost every open list a read of the whole channel per change, quadratic in a big channel.
 * Call it after appending that line (channel.lastSeq is its seq).
 */
export async function announceMember(
  ctx: Runtime,
  channel: ChannelRecord,
  user: UserRecord,
  membership: MembershipRecord | null,
): Promise<void> {
  if (channel.kind !== "channel") return;
  const online = membership !== null && (await ctx.deps.presence.onlineAmong([user.id])).has(user.id);
  ctx.out.emit({ channel: channel.id }, "channel:member", {
    channelId: channel.id,
    seq: channel.lastSeq,
    userId: user.id,
    member: membership === null ? null : toMemberView(membership, user, online),
  });
}
