import type { ChannelView, Message, MemberView, UserView } from "@canaduck/contract";
import type { Repositories } from "../ports";
import type { ChannelRecord, MembershipRecord, MessageRecord, UserRecord } from "../records";

export const toUserView = (user: UserRecord): UserView => ({ id: user.id, name: user.name, isAdmin: user.isAdmin });

export const toMessage = (m: MessageRecord): Message => ({
  id: m.id,
  channelId: m.channelId,
  seq: m.seq,
  kind: m.kind,
  author: m.authorId === null ? null : { id: m.authorId, name: m.authorName ?? "" },
  text: m.text,
  meta: m.meta,
  createdAt: m.createdAt.toISOString(),
  ...(m.clientId === null ? {} : { clientId: m.clientId }),
});

export const toMemberView = (membership: MembershipRecord, user: UserRecord, online: boolean): MemberView => ({
  id: user.id,
  name: user.name,
  role: membership.role,
  isAdmin: user.isAdmin,
  online,
});

/** A channel as `viewerId` sees it: with their role and, for a direct conversation, who the peer is. */
export async function channelView(tx: Repositories, channel: ChannelRecord, viewerId: string): Promise<ChannelView> {
  const members = await tx.memberships.listMembers(channel.id);
  const own = members.find((m) => m.user.id === viewerId);
  const peer = channel.kind === "direct" ? members.find((m) => m.user.id !== viewerId) : undefined;
  return {
    id: channel.id,
    name: channel.name,
    kind: channel.kind,
    topic: channel.topic,
    inviteOnly: channel.inviteOnly,
    memberCount: members.length,
    lastSeq: channel.lastSeq,
    role: own?.membership.role ?? null,
    ...(peer ? { peer: { id: peer.user.id, name: peer.user.name } } : {}),
  };
}

/** The viewer-independent part of a channel view, for channel:updated. */
export async function publicChannelView(tx: Repositories, channel: ChannelRecord): Promise<Omit<ChannelView, "role">> {
  const { role: _role, ...rest } = await channelView(tx, channel, "");
  return rest;
}
