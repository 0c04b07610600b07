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
import { countUnreadMany, readState, type ReadState } from "./read-state";

export const toUserView = (user: UserRecord): UserView => ({
  id: user.id,
  name: user.name,
  isAdmin: user.isAdmin,
  ...(user.isBot ? { isBot: true as const } : {}),
});

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
  author:
    m.authorId === null
      ? null
      : { id: m.authorId, name: m.authorName ?? "", ...(m.authorIsBot ? { isBot: true as const } : {}) },
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
  ...(user.awayMessage === null ? {} : { away: user.awayMessage }),
  ...(user.isBot ? { isBot: true as const } : {}),
});

/**
 * A channel as `viewerId` sees it: with their role, their read marker and what is unread after
 * it, and, for a direct conversation, who the peer is. A handful of reads whatever the channel's
 * size: reconnecting members of a channel of thousands must not each read its member list.
 */
export async function channelView(tx: Repositories, channel: ChannelRecord, viewerId: string): Promise<ChannelView> {
  const [memberCount, own, peer] = await Promise.all([
    tx.memberships.count(channel.id),
    viewerId === "" ? null : tx.memberships.find(channel.id, viewerId),
    channel.kind === "direct" ? directPeer(tx, channel, viewerId) : undefined,
  ]);
  // Only a member has a marker; anyone else (a viewer of a public channel) has read nothing of it.
  const viewer = own ? await tx.users.findById(viewerId) : null;
  const read = viewer ? await readState(tx, channel, viewer) : { readSeq: 0, unread: 0, mentions: 0 };
  return viewOf(channel, { memberCount, role: own?.role ?? null, peer }, read);
}

/** The one place a ChannelView is put together, from what its callers read in their own ways. */
const viewOf = (
  channel: ChannelRecord,
  seen: { memberCount: number; role: ChannelView["role"]; peer: ChannelView["peer"] },
  read: ReadState,
): ChannelView => ({
  id: channel.id,
  name: channel.name,
  kind: channel.kind,
  topic: channel.topic,
  inviteOnly: channel.inviteOnly,
  ...(channel.previewsOff ? { previewsOff: true as const } : {}),
  memberCount: seen.memberCount,
  lastSeq: channel.lastSeq,
  role: seen.role,
  ...(seen.peer ? { peer: seen.peer } : {}),
  ...read,
});

/**
 * Every conversation of `viewer` as they see it (session:state, session:sync): member counts and
 * read markers in one read each for all of them, not a few reads per conversation, since every
 * reconnect of every client asks for this.
 */
export async function channelViewsOf(
  tx: Repositories,
  viewer: UserRecord,
  joined: ReadonlyArray<{ membership: MembershipRecord; channel: ChannelRecord }>,
): Promise<ChannelView[]> {
  const ids = joined.map(({ channel }) => channel.id);
  const [counts, markers] = await Promise.all([tx.memberships.countMany(ids), tx.readMarkers.listByUser(viewer.id)]);
  const markerOf = new Map(markers.map((m) => [m.channelId, m.seq]));
  const readSeqOf = (channel: ChannelRecord) => Math.min(markerOf.get(channel.id) ?? 0, channel.lastSeq);
  const unread = await countUnreadMany(
    tx,
    joined.map(({ channel }) => ({ channelId: channel.id, readSeq: readSeqOf(channel), upTo: channel.lastSeq })),
    viewer,
  );
  return Promise.all(
    joined.map(async ({ membership, channel }) => {
      const peer = channel.kind === "direct" ? await directPeer(tx, channel, viewer.id) : undefined;
      return viewOf(
        channel,
        { memberCount: counts.get(channel.id) ?? 0, role: membership.role, peer },
        { readSeq: readSeqOf(channel), ...(unread.get(channel.id) ?? { unread: 0, mentions: 0 }) },
      );
    }),
  );
}

/** The other party of a direct conversation (two members at most, so listing them is cheap). */
async function directPeer(tx: Repositories, channel: ChannelRecord, viewerId: string) {
  const other = (await tx.memberships.listMembers(channel.id)).find((m) => m.user.id !== viewerId);
  return other ? { id: other.user.id, name: other.user.name } : undefined;
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
