import type {
  ChannelView,
  Message,
  MemberView,
  Reaction,
  ReplySummary,
  SharedChannelView,
  UserView,
} from "@canaduck/contract";
import type { Repositories } from "../ports";
import type { ChannelRecord, MembershipRecord, MessageRecord, UserRecord } from "../records";
import { readState } from "./read-state";

export const toUserView = (user: UserRecord): UserView => ({ id: user.id, name: user.name, isAdmin: user.isAdmin });

/** What a page adds to a line beyond its row: computed from other rows when read. */
export interface LineExtras {
  reactions?: Reaction[];
  replyTo?: ReplySummary;
}

/** An entry as clients see it: a line in the state its row holds, or a change entry as stored. */
export const toMessage = (m: MessageRecord, extras: LineExtras = {}): Message => ({
  id: m.id,
  channelId: m.channelId,
  seq: m.seq,
  kind: m.kind,
  author: m.authorId === null ? null : { id: m.authorId, name: m.authorName ?? "" },
  text: m.text,
  meta: m.meta,
  createdAt: m.createdAt.toISOString(),
  ...(m.clientId === null ? {} : { clientId: m.clientId }),
  version: m.version,
  // A tombstone keeps nothing of what it said, not even that it was edited.
  ...(m.editedAt === null || m.deletedAt !== null ? {} : { editedAt: m.editedAt.toISOString() }),
  ...(m.deletedAt === null ? {} : { deleted: true as const }),
  ...(extras.reactions && extras.reactions.length > 0 && m.deletedAt === null ? { reactions: extras.reactions } : {}),
  ...(extras.replyTo ? { replyTo: extras.replyTo } : {}),
});

export const toMemberView = (membership: MembershipRecord, user: UserRecord, online: boolean): MemberView => ({
  id: user.id,
  name: user.name,
  role: membership.role,
  isAdmin: user.isAdmin,
  online,
});

/**
 * A channel as `viewerId` sees it: with their role, their read marker and what is unread after
 * it, and, for a direct conversation, who the peer is.
 */
export async function channelView(tx: Repositories, channel: ChannelRecord, viewerId: string): Promise<ChannelView> {
  const members = await tx.memberships.listMembers(channel.id);
  const own = members.find((m) => m.user.id === viewerId);
  const peer = channel.kind === "direct" ? members.find((m) => m.user.id !== viewerId) : undefined;
  // Only a member has a marker; anyone else (a viewer of a public channel) has read nothing of it.
  const read = own ? await readState(tx, channel, own.user) : { readSeq: 0, unread: 0, mentions: 0 };
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
    ...read,
  };
}

/** The viewer-independent part of a channel view, for channel:updated. */
export async function publicChannelView(tx: Repositories, channel: ChannelRecord): Promise<SharedChannelView> {
  const {
    role: _role,
    readSeq: _readSeq,
    unread: _unread,
    mentions: _mentions,
    ...rest
  } = await channelView(tx, channel, "");
  return rest;
}
