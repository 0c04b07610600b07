import type {
  Ban,
  Channel,
  Ignore,
  Membership,
  Message,
  Reaction,
  ReadMarker,
  Session,
  User,
  UserSettings,
} from "@prisma/client";
import { placeholder, type RawSql } from "./raw-sql";
import { tables, type Table } from "./tables";

/**
 * The reads of a batch of sends (who is sending, where to, are they in it, was this line sent
 * before), of a batch of connections (whose tokens, in which channels), and the one-row reads
 * every command makes (its session and user, its channel, the lines of a page and their
 * reactions), as raw `SELECT … WHERE column IN (…)` statements: through Prisma's typed API each
 * costs about a millisecond of its query compiler, and a node runs them for every command. Each selects every
 * column of its table and coerces the rows into what Prisma's typed API would have returned,
 * both from the table's one definition (tables.ts).
 */
async function selectWhereIn<Row>(
  raw: RawSql,
  table: Table<Row>,
  where: ReadonlyArray<readonly [column: keyof Row & string, values: readonly unknown[]]>,
): Promise<Row[]> {
  if (where.some(([, values]) => values.length === 0)) return [];
  const args: unknown[] = [];
  const conditions = where.map(([column, values]) => {
    const marks = values.map((value) => {
      args.push(value);
      return placeholder(raw.dialect, args.length);
    });
    return `"${column}" IN (${marks.join(", ")})`;
  });
  const sql = `SELECT ${table.columns.map((c) => `"${c}"`).join(", ")} FROM "${table.name}" WHERE ${conditions.join(" AND ")}`;
  const rows = await raw.query(sql, args);
  return rows.map(table.coerce);
}

export const batchReads = (raw: RawSql) => ({
  users: (ids: readonly string[], by: "id" | "nameKey" = "id"): Promise<User[]> =>
    selectWhereIn(raw, tables.user, [[by, ids]]),
  sessions: (by: "id" | "tokenHash", values: readonly string[]): Promise<Session[]> =>
    selectWhereIn(raw, tables.session, [[by, values]]),
  channels: (values: readonly string[], by: "id" | "nameKey" = "nameKey"): Promise<Channel[]> =>
    selectWhereIn(raw, tables.channel, [[by, values]]),
  /** Memberships of `userIds`, in `channelIds` only when given. */
  memberships: (userIds: readonly string[], channelIds?: readonly string[]): Promise<Membership[]> =>
    selectWhereIn(
      raw,
      tables.membership,
      channelIds === undefined
        ? [["userId", userIds]]
        : [
            ["channelId", channelIds],
            ["userId", userIds],
          ],
    ),
  /** Everyone in one conversation. */
  membersOf: (channelId: string): Promise<Membership[]> =>
    selectWhereIn(raw, tables.membership, [["channelId", [channelId]]]),
  readMarkers: (userId: string, channelIds?: readonly string[]): Promise<ReadMarker[]> =>
    selectWhereIn(
      raw,
      tables.readMarker,
      channelIds === undefined
        ? [["userId", [userId]]]
        : [
            ["userId", [userId]],
            ["channelId", channelIds],
          ],
    ),
  bans: (channelIds: readonly string[], userIds: readonly string[]): Promise<Ban[]> =>
    selectWhereIn(raw, tables.ban, [
      ["channelId", channelIds],
      ["userId", userIds],
    ]),
  ignoresOf: (userId: string): Promise<Ignore[]> => selectWhereIn(raw, tables.ignore, [["userId", [userId]]]),
  settingsOf: (userId: string): Promise<UserSettings[]> =>
    selectWhereIn(raw, tables.userSettings, [["userId", [userId]]]),
  messagesBySeqs: (channelIds: readonly string[], seqs: readonly number[]): Promise<Message[]> =>
    selectWhereIn(raw, tables.message, [
      ["channelId", channelIds],
      ["seq", seqs],
    ]),
  reactions: (channelIds: readonly string[], targetSeqs: readonly number[]): Promise<Reaction[]> =>
    selectWhereIn(raw, tables.reaction, [
      ["channelId", channelIds],
      ["targetSeq", targetSeqs],
    ]),
  messagesByClientIds: (authorIds: readonly string[], clientIds: readonly string[]): Promise<Message[]> =>
    selectWhereIn(raw, tables.message, [
      ["authorId", authorIds],
      ["clientId", clientIds],
    ]),
});
