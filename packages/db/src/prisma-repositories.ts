import type { Repositories, WebhookDeliveryRecord, WebhookRecord } from "@canaduck/domain";
import type { Prisma } from "@prisma/client";
import { toChannelRecord, toLineUpdate, toMembershipRecord, toMessageRecord, toMessageRow } from "./record-mappers";
import { batchReads } from "./batch-reads";
import { logReads } from "./log-reads";
import type { RawSql } from "./raw-sql";
import { searchLines } from "./search-statements";
import { bumpSeq, insertMessages } from "./send-statements";

const first = <T>(rows: readonly T[]): T | null => rows[0] ?? null;

/**
 * The domain's repositories over one Prisma (transaction) client, with the hot paths' raw
 * statements run by `raw`; `tookSeq` hears of each sequence number taken.
 */
export function prismaRepositories(
  tx: Prisma.TransactionClient,
  raw: RawSql,
  tookSeq?: (channelId: string) => void,
): Repositories {
  // The batch-of-sends reads, raw: see batch-reads.ts.
  const reads = batchReads(raw);
  const log = logReads(raw);
  return {
    users: {
      findById: async (id) => first(await reads.users([id])),
      findByIds: (ids) => reads.users(ids),
      findByNameKey: async (nameKey) => first(await reads.users([nameKey], "nameKey")),
      countAdmins: () => tx.user.count({ where: { isAdmin: true } }),
      insert: async (user) => void (await tx.user.create({ data: user })),
      rename: async (id, name, nameKey) => void (await tx.user.update({ where: { id }, data: { name, nameKey } })),
      update: async (id, patch) => void (await tx.user.update({ where: { id }, data: patch })),
      list: () => tx.user.findMany({ orderBy: [{ createdAt: "asc" }, { nameKey: "asc" }] }),
      listBotsOf: (ownerId) =>
        tx.user.findMany({ where: { ownerId, isBot: true }, orderBy: [{ createdAt: "asc" }, { nameKey: "asc" }] }),
    },
    sessions: {
      insert: async (session) => void (await tx.session.create({ data: session })),
      findById: async (id) => first(await reads.sessions("id", [id])),
      findByIds: (ids) => reads.sessions("id", ids),
      findByTokenHashes: (hashes) => reads.sessions("tokenHash", hashes),
      findByTokenHash: async (tokenHash) => first(await reads.sessions("tokenHash", [tokenHash])),
      listByUser: (userId) => tx.session.findMany({ where: { userId } }),
      revoke: async (id, at) =>
        void (await tx.session.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: at } })),
    },
    channels: {
      findById: async (id) => {
        const row = first(await reads.channels([id], "id"));
        return row && toChannelRecord(row);
      },
      findByNameKey: async (nameKey) => {
        const row = first(await reads.channels([nameKey]));
        return row && toChannelRecord(row);
      },
      findByNameKeys: async (nameKeys) => (await reads.channels(nameKeys)).map(toChannelRecord),
      insert: async (channel) => void (await tx.channel.create({ data: channel })),
      update: async (id, patch) => void (await tx.channel.update({ where: { id }, data: patch })),
      // One `UPDATE … SET lastSeq = lastSeq + 1 … RETURNING`: on PostgreSQL its row lock makes
      // concurrent sends to a channel wait for each other's commit, so seqs stay gap-free and
      // in commit order (a rolled-back send gives its number back).
      allocateSeq: async (id) => {
        const { lastSeq } = await tx.channel.update({
          where: { id },
          data: { lastSeq: { increment: 1 } },
          select: { lastSeq: true },
        });
        tookSeq?.(id);
        return lastSeq;
      },
      allocateSeqs: async (id, count) => {
        const lastSeq = await bumpSeq(raw, id, count);
        tookSeq?.(id);
        return lastSeq;
      },
      listWithCounts: async () =>
        (await log.channels()).map((row) => ({ channel: toChannelRecord(row), memberCount: row.memberCount })),
    },
    memberships: {
      find: async (channelId, userId) => {
        const row = first(await reads.memberships([userId], [channelId]));
        return row && toMembershipRecord(row);
      },
      findAmong: async (channelIds, userIds) => (await reads.memberships(userIds, channelIds)).map(toMembershipRecord),
      findByUsers: async (userIds) => (await reads.memberships(userIds)).map(toMembershipRecord),
      insert: async (membership) => void (await tx.membership.create({ data: membership })),
      remove: async (channelId, userId) => void (await tx.membership.deleteMany({ where: { channelId, userId } })),
      setRole: async (channelId, userId, role) =>
        void (await tx.membership.update({ where: { channelId_userId: { channelId, userId } }, data: { role } })),
      count: async (channelId) => (await log.memberCounts([channelId])).get(channelId) ?? 0,
      countMany: (channelIds) => log.memberCounts(channelIds),
      listMembers: async (channelId) => {
        const rows = (await reads.membersOf(channelId)).sort((a, b) => a.joinedAt.getTime() - b.joinedAt.getTime());
        const users = new Map((await reads.users(rows.map((row) => row.userId))).map((user) => [user.id, user]));
        return rows.flatMap((row) => {
          const user = users.get(row.userId);
          return user ? [{ membership: toMembershipRecord(row), user }] : [];
        });
      },
      listChannelsOf: async (userId) => {
        const memberships = (await reads.memberships([userId])).sort(
          (a, b) => a.joinedAt.getTime() - b.joinedAt.getTime(),
        );
        const channels = new Map(
          (
            await reads.channels(
              memberships.map((m) => m.channelId),
              "id",
            )
          ).map((c) => [c.id, c]),
        );
        return memberships.flatMap((row) => {
          const channel = channels.get(row.channelId);
          return channel ? [{ membership: toMembershipRecord(row), channel: toChannelRecord(channel) }] : [];
        });
      },
    },
    bans: {
      find: async (channelId, userId) => first(await reads.bans([channelId], [userId])),
      findAmong: (channelIds, userIds) => reads.bans(channelIds, userIds),
      listByChannel: (channelId) => tx.ban.findMany({ where: { channelId } }),
      upsert: async (ban) =>
        void (await tx.ban.upsert({
          where: { channelId_userId: { channelId: ban.channelId, userId: ban.userId } },
          create: ban,
          update: ban,
        })),
      remove: async (channelId, userId) => void (await tx.ban.deleteMany({ where: { channelId, userId } })),
    },
    invites: {
      find: (channelId, userId) => tx.invite.findUnique({ where: { channelId_userId: { channelId, userId } } }),
      upsert: async (invite) =>
        void (await tx.invite.upsert({
          where: { channelId_userId: { channelId: invite.channelId, userId: invite.userId } },
          create: invite,
          update: invite,
        })),
      remove: async (channelId, userId) => void (await tx.invite.deleteMany({ where: { channelId, userId } })),
    },
    ignores: {
      listByUser: async (userId) =>
        (await reads.ignoresOf(userId)).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()),
      insert: async (ignore) =>
        void (await tx.ignore.upsert({
          where: { userId_ignoredId: { userId: ignore.userId, ignoredId: ignore.ignoredId } },
          create: ignore,
          update: {},
        })),
      remove: async (userId, ignoredId) => void (await tx.ignore.deleteMany({ where: { userId, ignoredId } })),
    },
    messages: {
      insert: async (message) => void (await tx.message.create({ data: toMessageRow(message) })),
      insertMany: (messages) => insertMessages(raw, messages),
      findByClientId: async (authorId, clientId) => {
        const row = await tx.message.findUnique({ where: { authorId_clientId: { authorId, clientId } } });
        return row && toMessageRecord(row);
      },
      findByClientIds: async (authorIds, clientIds) =>
        (await reads.messagesByClientIds(authorIds, clientIds)).map(toMessageRecord),
      listBefore: async (channelId, before, limit) => (await log.before(channelId, before, limit)).map(toMessageRecord),
      listAfter: async (channelId, after, limit) => (await log.after(channelId, after, limit)).map(toMessageRecord),
      findBySeqs: async (channelIds, seqs) => (await reads.messagesBySeqs(channelIds, seqs)).map(toMessageRecord),
      updateLine: async (channelId, seq, patch) =>
        void (await tx.message.update({ where: { channelId_seq: { channelId, seq } }, data: toLineUpdate(patch) })),
      // The (channelId, targetSeq) index finds a line's change entries without a scan.
      eraseEdits: async (channelId, targetSeq) =>
        void (await tx.message.updateMany({ where: { channelId, targetSeq, kind: "edit" }, data: { text: "" } })),
      listUnreadTexts: (channelId, after, upTo, viewerId, limit) =>
        log.unreadTexts(channelId, after, upTo, viewerId, limit),
      listInRanges: async (ranges) => (await log.inRanges(ranges)).map(toMessageRecord),
      listUnreadTextsInRanges: (ranges, viewerId) => log.unreadTextsInRanges(ranges, viewerId),
      search: (find) => searchLines(raw, find),
      lastSaidAt: async (authorId) => {
        const newest = await tx.message.findFirst({
          where: { authorId, kind: { in: ["text", "action"] } },
          orderBy: { createdAt: "desc" },
          select: { createdAt: true },
        });
        return newest?.createdAt ?? null;
      },
    },
    reactions: {
      insert: async (reaction) => void (await tx.reaction.create({ data: reaction })),
      find: (channelId, targetSeq, userId, emoji) =>
        tx.reaction.findUnique({
          where: { channelId_targetSeq_userId_emoji: { channelId, targetSeq, userId, emoji } },
        }),
      remove: async (channelId, targetSeq, userId, emoji) =>
        void (await tx.reaction.deleteMany({ where: { channelId, targetSeq, userId, emoji } })),
      removeAll: async (channelId, targetSeq) =>
        void (await tx.reaction.deleteMany({ where: { channelId, targetSeq } })),
      listFor: (channelIds, targetSeqs) => reads.reactions(channelIds, targetSeqs),
    },
    readMarkers: {
      find: async (userId, channelId) => first(await reads.readMarkers(userId, [channelId])),
      listByUser: (userId) => reads.readMarkers(userId),
      upsert: async (marker) => {
        const { userId, channelId, seq, updatedAt } = marker;
        // The condition is in the UPDATE itself: a concurrent higher marker is never overwritten.
        const moved = await tx.readMarker.updateMany({
          where: { userId, channelId, seq: { lt: seq } },
          data: { seq, updatedAt },
        });
        if (moved.count === 0)
          await tx.readMarker.upsert({
            where: { userId_channelId: { userId, channelId } },
            create: { userId, channelId, seq, updatedAt },
            update: {},
          });
      },
      setClosed: async (userId, channelId, closedSeq, now) =>
        void (await tx.readMarker.upsert({
          where: { userId_channelId: { userId, channelId } },
          create: { userId, channelId, seq: 0, updatedAt: now, closedSeq },
          update: { closedSeq },
        })),
    },
    settings: {
      find: async (userId) => first(await reads.settingsOf(userId)),
      upsert: async (record) =>
        void (await tx.userSettings.upsert({ where: { userId: record.userId }, create: record, update: record })),
    },
    files: {
      insert: async (file) => void (await tx.file.create({ data: file })),
      findById: (id) => tx.file.findUnique({ where: { id } }),
      attach: async (id, channelId, seq) => void (await tx.file.update({ where: { id }, data: { channelId, seq } })),
      markDeleted: async (id, at) =>
        void (await tx.file.updateMany({ where: { id }, data: { deletedAt: at, name: "" } })),
      bytesSince: async (uploaderId, since) =>
        (await tx.file.aggregate({ where: { uploaderId, createdAt: { gte: since } }, _sum: { size: true } }))._sum
          .size ?? 0,
    },
    audit: {
      insert: async (entry) => void (await tx.auditEntry.create({ data: entry })),
      listRecent: (limit) => tx.auditEntry.findMany({ orderBy: { id: "desc" }, take: limit }),
    },
    webhooks: {
      insert: async (webhook) => void (await tx.webhook.create({ data: webhook })),
      findById: async (id) => {
        const row = await tx.webhook.findUnique({ where: { id } });
        return row === null ? null : toWebhook(row);
      },
      listByChannel: async (channelId) =>
        (await tx.webhook.findMany({ where: { channelId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] })).map(
          toWebhook,
        ),
      listOutgoing: async () =>
        (
          await tx.webhook.findMany({ where: { kind: "outgoing" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] })
        ).map(toWebhook),
      remove: async (id) => void (await tx.webhook.deleteMany({ where: { id } })),
    },
    webhookDeliveries: {
      insert: async (delivery) => void (await tx.webhookDelivery.create({ data: delivery })),
      update: async (id, patch) => void (await tx.webhookDelivery.updateMany({ where: { id }, data: patch })),
      listRecent: async (webhookId, limit) =>
        (
          await tx.webhookDelivery.findMany({
            where: { webhookId },
            orderBy: [{ createdAt: "desc" }, { seq: "desc" }],
            take: limit,
          })
        ).map(toWebhookDelivery),
    },
  };
}

/** The kinds and statuses are written only by the domain, so a stored one is always one of its own. */
const toWebhook = (row: Omit<WebhookRecord, "kind"> & { kind: string }): WebhookRecord => ({
  ...row,
  kind: row.kind === "incoming" ? "incoming" : "outgoing",
});
const deliveryStatuses: readonly string[] = ["pending", "delivered", "failed"];
const toWebhookDelivery = (row: Omit<WebhookDeliveryRecord, "status"> & { status: string }): WebhookDeliveryRecord => ({
  ...row,
  status: deliveryStatuses.includes(row.status) ? (row.status as WebhookDeliveryRecord["status"]) : "failed",
});
