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
  // Presence is a nicety here: a failing registry (Redis down) must not fail the join or the op
  // that changed the membership, so the member is then shown offline until presence says more.
  const online =
    membership !== null &&
    (await ctx.deps.presence.onlineAmong([user.id]).then(
      (set) => set.has(user.id),
      () => false,
    ));
  ctx.out.emit({ channel: channel.id }, "channel:member", {
    channelId: channel.id,
    seq: channel.lastSeq,
    userId: user.id,
    member: membership === null ? null : toMemberView(membership, user, online),
  });
}
