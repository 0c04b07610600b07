/* eslint-disable @typescript-eslint/require-await -- the ports are async; plain maps answer at once. */
import type { Repositories } from "../ports";
import { searchMemory } from "./memory-search";
import type { MessageRecord } from "../records";
import { copy, pairKey, reactionKey, type MemoryState } from "./memory-state";

const inRange = (r: { channelId: string; after: number; upTo: number }, channelId: string, seq: number) =>
  r.channelId === channelId && seq > r.after && seq <= r.upTo;
/** A line others said (text or action), not deleted: what counts as unread for `viewerId`. */
const isUnreadBy = (m: MessageRecord, viewerId: string) =>
  (m.kind === "text" || m.kind === "action") && m.deletedAt === null && m.authorId !== viewerId;

/** Stands in for the database's unique indexes, so a domain bug that breaks one fails loudly. */
function unique(taken: boolean, what: string): void {
  if (taken) throw new Error(`unique constraint failed: ${what}`);
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`record not found: ${what}`);
  return value;
}

const nullable = <T>(value: T | undefined): T | null => (value === undefined ? null : copy(value));

/** The repository ports over plain maps: every read and write copies, as a database would. */
export function memoryRepositories(state: MemoryState): Repositories {
  const values = <T>(map: Map<string, T>): T[] => [...map.values()];
  const insertMessage = (message: MessageRecord): void => {
    const all = values(state.messages);
    unique(state.messages.has(message.id), "Message.id");
    unique(
      all.some((m) => m.channelId === message.channelId && m.seq === message.seq),
      "Message(channelId, seq)",
    );
    const sameClientId = (m: MessageRecord) => m.authorId === message.authorId && m.clientId === message.clientId;
    unique(message.clientId !== null && all.some(sameClientId), "Message(authorId, clientId)");
    state.messages.set(message.id, copy(message));
  };
  return {
    users: {
      findById: async (id) => nullable(state.users.get(id)),
      findByIds: async (ids) => copy(values(state.users).filter((u) => ids.includes(u.id))),
      findByNameKey: async (key) => nullable(values(state.users).find((u) => u.nameKey === key)),
      countAdmins: async () => values(state.users).filter((u) => u.isAdmin).length,
      async insert(user) {
        unique(state.users.has(user.id) || values(state.users).some((u) => u.nameKey === user.nameKey), "User.nameKey");
        state.users.set(user.id, copy(user));
      },
      async rename(id, name, nameKey) {
        unique(
          values(state.users).some((u) => u.nameKey === nameKey && u.id !== id),
          "User.nameKey",
        );
        Object.assign(required(state.users.get(id), `user ${id}`), { name, nameKey });
      },
      async update(id, patch) {
        Object.assign(required(state.users.get(id), `user ${id}`), patch);
      },
      list: async () =>
        copy(
          values(state.users).sort(
            (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.nameKey.localeCompare(b.nameKey),
          ),
        ),
      listBotsOf: async (ownerId) =>
        copy(
          values(state.users)
            .filter((u) => u.isBot && u.ownerId === ownerId)
            .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.nameKey.localeCompare(b.nameKey)),
        ),
    },
    sessions: {
      async insert(session) {
        unique(
          values(state.sessions).some((s) => s.id === session.id || s.tokenHash === session.tokenHash),
          "Session",
        );
        state.sessions.set(session.id, copy(session));
      },
      findById: async (id) => nullable(state.sessions.get(id)),
      findByIds: async (ids) => copy(values(state.sessions).filter((s) => ids.includes(s.id))),
      findByTokenHash: async (hash) => nullable(values(state.sessions).find((s) => s.tokenHash === hash)),
      findByTokenHashes: async (hashes) => copy(values(state.sessions).filter((s) => hashes.includes(s.tokenHash))),
      listByUser: async (userId) =>
        values(state.sessions)
          .filter((s) => s.userId === userId)
          .map(copy),
      async revoke(id, at) {
        required(state.sessions.get(id), `session ${id}`).revokedAt = copy(at);
      },
    },
    channels: {
      findById: async (id) => nullable(state.channels.get(id)),
      findByNameKey: async (key) => nullable(values(state.channels).find((c) => c.nameKey === key)),
      findByNameKeys: async (keys) => copy(values(state.channels).filter((c) => keys.includes(c.nameKey))),
      async insert(channel) {
        unique(
          state.channels.has(channel.id) || values(state.channels).some((c) => c.nameKey === channel.nameKey),
          "Channel.nameKey",
        );
        state.channels.set(channel.id, copy(channel));
      },
      async update(id, patch) {
        Object.assign(required(state.channels.get(id), `channel ${id}`), copy(patch));
      },
      async allocateSeq(id) {
        const channel = required(state.channels.get(id), `channel ${id}`);
        channel.lastSeq += 1;
        return channel.lastSeq;
      },
      async allocateSeqs(id, count) {
        const channel = required(state.channels.get(id), `channel ${id}`);
        channel.lastSeq += count;
        return channel.lastSeq;
      },
      listWithCounts: async () =>
        values(state.channels)
          .filter((channel) => channel.kind === "channel")
          .map((channel) => ({
            channel: copy(channel),
            memberCount: values(state.memberships).filter((m) => m.channelId === channel.id).length,
          })),
    },
    memberships: {
      find: async (channelId, userId) => nullable(state.memberships.get(pairKey(channelId, userId))),
      findAmong: async (channelIds, userIds) =>
        copy(values(state.memberships).filter((m) => channelIds.includes(m.channelId) && userIds.includes(m.userId))),
      findByUsers: async (userIds) => copy(values(state.memberships).filter((m) => userIds.includes(m.userId))),
      async insert(membership) {
        const key = pairKey(membership.channelId, membership.userId);
        unique(state.memberships.has(key), "Membership");
        required(state.channels.get(membership.channelId), `channel ${membership.channelId}`);
        required(state.users.get(membership.userId), `user ${membership.userId}`);
        state.memberships.set(key, copy(membership));
      },
      async remove(channelId, userId) {
        state.memberships.delete(pairKey(channelId, userId));
      },
      async setRole(channelId, userId, role) {
        required(state.memberships.get(pairKey(channelId, userId)), "membership").role = role;
      },
      count: async (channelId) => values(state.memberships).filter((m) => m.channelId === channelId).length,
      async countMany(channelIds) {
        const counts = new Map<string, number>();
        for (const m of values(state.memberships))
          if (channelIds.includes(m.channelId)) counts.set(m.channelId, (counts.get(m.channelId) ?? 0) + 1);
        return counts;
      },
      listMembers: async (channelId) =>
        values(state.memberships)
          .filter((m) => m.channelId === channelId)
          .map((m) => ({ membership: copy(m), user: copy(required(state.users.get(m.userId), `user ${m.userId}`)) })),
      listChannelsOf: async (userId) =>
        values(state.memberships)
          .filter((m) => m.userId === userId)
          .map((m) => ({
            membership: copy(m),
            channel: copy(required(state.channels.get(m.channelId), `channel ${m.channelId}`)),
          })),
    },
    bans: {
      find: async (channelId, userId) => nullable(state.bans.get(pairKey(channelId, userId))),
      findAmong: async (channelIds, userIds) =>
        copy(values(state.bans).filter((b) => channelIds.includes(b.channelId) && userIds.includes(b.userId))),
      listByChannel: async (channelId) => copy(values(state.bans).filter((b) => b.channelId === channelId)),
      async upsert(ban) {
        state.bans.set(pairKey(ban.channelId, ban.userId), copy(ban));
      },
      async remove(channelId, userId) {
        state.bans.delete(pairKey(channelId, userId));
      },
    },
    invites: {
      find: async (channelId, userId) => nullable(state.invites.get(pairKey(channelId, userId))),
      async upsert(invite) {
        state.invites.set(pairKey(invite.channelId, invite.userId), copy(invite));
      },
      async remove(channelId, userId) {
        state.invites.delete(pairKey(channelId, userId));
      },
    },
    messages: {
      insert: async (message) => insertMessage(message),
      async insertMany(messages) {
        // All or nothing, as one INSERT statement is.
        const before = new Map(state.messages);
        try {
          for (const message of messages) insertMessage(message);
        } catch (error) {
          state.messages = before;
          throw error;
        }
      },
      findByClientId: async (authorId, clientId) =>
        nullable(values(state.messages).find((m) => m.authorId === authorId && m.clientId === clientId)),
      findByClientIds: async (authorIds, clientIds) =>
        copy(
          values(state.messages).filter(
            (m) =>
              m.authorId !== null &&
              m.clientId !== null &&
              authorIds.includes(m.authorId) &&
              clientIds.includes(m.clientId),
          ),
        ),
      async listBefore(channelId, before, limit) {
        const older = values(state.messages)
          .filter((m) => m.channelId === channelId && (before === undefined || m.seq < before))
          .sort((a, b) => b.seq - a.seq)
          .slice(0, limit);
        return copy(older.reverse());
      },
      async listAfter(channelId, after, limit) {
        const newer = values(state.messages)
          .filter((m) => m.channelId === channelId && m.seq > after)
          .sort((a, b) => a.seq - b.seq)
          .slice(0, limit);
        return copy(newer);
      },
      findBySeqs: async (channelIds, seqs) =>
        copy(values(state.messages).filter((m) => channelIds.includes(m.channelId) && seqs.includes(m.seq))),
      async updateLine(channelId, seq, patch) {
        const line = values(state.messages).find((m) => m.channelId === channelId && m.seq === seq);
        Object.assign(required(line, `message ${channelId} ${seq}`), copy(patch));
      },
      async eraseEdits(channelId, targetSeq) {
        for (const m of values(state.messages))
          if (m.channelId === channelId && m.kind === "edit" && m.targetSeq === targetSeq) m.text = "";
      },
      listUnreadTexts: async (channelId, after, upTo, viewerId, limit) =>
        values(state.messages)
          .filter((m) => inRange({ channelId, after, upTo }, m.channelId, m.seq) && isUnreadBy(m, viewerId))
          .sort((a, b) => b.seq - a.seq)
          .slice(0, limit)
          .map((m) => m.text),
      listInRanges: async (ranges) =>
        copy(values(state.messages).filter((m) => ranges.some((r) => inRange(r, m.channelId, m.seq)))),
      listUnreadTextsInRanges: async (ranges, viewerId) =>
        values(state.messages)
          .filter((m) => ranges.some((r) => inRange(r, m.channelId, m.seq)) && isUnreadBy(m, viewerId))
          .map((m) => ({ channelId: m.channelId, text: m.text })),
      search: async (find) => searchMemory(values(state.messages), find),
      lastSaidAt: async (authorId) => {
        const said = values(state.messages).filter(
          (m) => m.authorId === authorId && (m.kind === "text" || m.kind === "action"),
        );
        return said.reduce<Date | null>((newest, m) => (newest && newest >= m.createdAt ? newest : m.createdAt), null);
      },
    },
    reactions: {
      async insert(reaction) {
        const key = reactionKey(reaction.channelId, reaction.targetSeq, reaction.userId, reaction.emoji);
        unique(state.reactions.has(key), "Reaction(channelId, targetSeq, userId, emoji)");
        state.reactions.set(key, copy(reaction));
      },
      find: async (channelId, targetSeq, userId, emoji) =>
        nullable(state.reactions.get(reactionKey(channelId, targetSeq, userId, emoji))),
      async remove(channelId, targetSeq, userId, emoji) {
        state.reactions.delete(reactionKey(channelId, targetSeq, userId, emoji));
      },
      async removeAll(channelId, targetSeq) {
        for (const [key, r] of state.reactions)
          if (r.channelId === channelId && r.targetSeq === targetSeq) state.reactions.delete(key);
      },
      listFor: async (channelIds, targetSeqs) =>
        copy(
          values(state.reactions).filter((r) => channelIds.includes(r.channelId) && targetSeqs.includes(r.targetSeq)),
        ),
    },
    readMarkers: {
      find: async (userId, channelId) => nullable(state.readMarkers.get(pairKey(channelId, userId))),
      listByUser: async (userId) => copy(values(state.readMarkers).filter((r) => r.userId === userId)),
      async upsert(marker) {
        const held = state.readMarkers.get(pairKey(marker.channelId, marker.userId));
        if (held === undefined || held.seq < marker.seq)
          state.readMarkers.set(pairKey(marker.channelId, marker.userId), {
            ...copy(marker),
            closedSeq: held?.closedSeq ?? null,
          });
      },
      async setClosed(userId, channelId, closedSeq, now) {
        const held = state.readMarkers.get(pairKey(channelId, userId));
        state.readMarkers.set(pairKey(channelId, userId), {
          ...(held ?? { userId, channelId, seq: 0, updatedAt: now }),
          closedSeq,
        });
      },
    },
    settings: {
      find: async (userId) => nullable(state.settings.get(userId)),
      async upsert(record) {
        state.settings.set(record.userId, copy(record));
      },
    },
    audit: {
      async insert(entry) {
        state.audit.push({ ...copy(entry), id: state.audit.length + 1 });
      },
      listRecent: async (limit) => copy(state.audit.slice(Math.max(0, state.audit.length - limit)).reverse()),
    },
    ignores: {
      listByUser: async (userId) =>
        copy(
          values(state.ignores)
            .filter((i) => i.userId === userId)
            .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()),
        ),
      async insert(ignore) {
        const key = pairKey(ignore.userId, ignore.ignoredId);
        if (!state.ignores.has(key)) state.ignores.set(key, copy(ignore));
      },
      async remove(userId, ignoredId) {
        state.ignores.delete(pairKey(userId, ignoredId));
      },
    },
    files: {
      async insert(file) {
        state.files.set(file.id, copy(file));
      },
      findById: async (id) => nullable(state.files.get(id)),
      async attach(id, channelId, seq) {
        const file = state.files.get(id);
        if (file) Object.assign(file, { channelId, seq });
      },
      async markDeleted(id, at) {
        const file = state.files.get(id);
        if (file) Object.assign(file, { deletedAt: at, name: "" });
      },
      bytesSince: async (uploaderId, since) =>
        values(state.files)
          .filter((f) => f.uploaderId === uploaderId && f.createdAt >= since)
          .reduce((sum, f) => sum + f.size, 0),
    },
    webhooks: {
      async insert(webhook) {
        unique(state.webhooks.has(webhook.id), "Webhook.id");
        state.webhooks.set(webhook.id, copy(webhook));
      },
      findById: async (id) => nullable(state.webhooks.get(id)),
      listByChannel: async (channelId) =>
        copy(
          values(state.webhooks)
            .filter((w) => w.channelId === channelId)
            .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()),
        ),
      listOutgoing: async () =>
        copy(
          values(state.webhooks)
            .filter((w) => w.kind === "outgoing")
            .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()),
        ),
      async remove(id) {
        state.webhooks.delete(id);
        for (const [key, d] of state.webhookDeliveries) if (d.webhookId === id) state.webhookDeliveries.delete(key);
      },
    },
    webhookDeliveries: {
      async insert(delivery) {
        unique(state.webhookDeliveries.has(delivery.id), "WebhookDelivery.id");
        state.webhookDeliveries.set(delivery.id, copy(delivery));
      },
      async update(id, patch) {
        const held = required(state.webhookDeliveries.get(id), `WebhookDelivery ${id}`);
        state.webhookDeliveries.set(id, { ...held, ...copy(patch) });
      },
      listRecent: async (webhookId, limit) =>
        copy(
          values(state.webhookDeliveries)
            .filter((d) => d.webhookId === webhookId)
            .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.seq - a.seq)
            .slice(0, limit),
        ),
    },
  };
}
