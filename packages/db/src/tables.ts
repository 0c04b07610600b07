import {
  Prisma,
  type Ban,
  type Channel,
  type Ignore,
  type Membership,
  type Message,
  type Reaction,
  type ReadMarker,
  type Session,
  type User,
  type UserSettings,
} from "@prisma/client";

/**
 * The tables the raw statements (send-statements.ts, batch-reads.ts) read and write, each
 * defined once from prisma/schema.prisma: its column list is the generated client's
 * `Prisma.<Model>ScalarFieldEnum` (every scalar column, in schema order), and its row coercer
 * has one entry per column of the generated row type. A column added to the schema is in
 * every raw statement's column list after `npm run db:generate`, and fails to compile here
 * until it is given a coercer; a column removed fails to compile too.
 *
 * Rows come back as each database's driver returns them (SQLite: booleans as 0/1, integers
 * maybe as bigint; either: dates as Date or as text), so each value is coerced into what
 * Prisma's typed API would have returned.
 */
export type Coercer<T> = (value: unknown) => T;

/** One coercer for each column of `Row`, no more and no fewer. */
export type RowCoercers<Row> = { readonly [Column in keyof Row]-?: Coercer<Row[Column]> };

export interface Table<Row> {
  /** The table's name in SQL (the model's name). */
  readonly name: Prisma.ModelName;
  /** Every column, in schema order. */
  readonly columns: ReadonlyArray<keyof Row & string>;
  /** A row as the driver returned it, as the typed API returns it. */
  readonly coerce: (raw: Readonly<Record<string, unknown>>) => Row;
}

function defineTable<Row>(
  name: Prisma.ModelName,
  scalarFields: { readonly [Column in keyof Row & string]: Column },
  coercers: RowCoercers<Row>,
): Table<Row> {
  const columns = Object.values<keyof Row & string>(scalarFields);
  const steps = columns.map((column) => [column, coercers[column] as Coercer<unknown>] as const);
  return {
    name,
    columns,
    coerce: (raw) => {
      const row: Record<string, unknown> = {};
      for (const [column, coerce] of steps) row[column] = coerce(raw[column]);
      return row as Row;
    },
  };
}

export const text: Coercer<string> = (value) => (typeof value === "string" ? value : String(value));
export const textOrNull: Coercer<string | null> = (value) =>
  value === null || value === undefined ? null : text(value);
export const bool: Coercer<boolean> = (value) =>
  value === true || value === 1 || value === 1n || value === "1" || value === "true";
export const int: Coercer<number> = (value) => Number(value);
export const intOrNull: Coercer<number | null> = (value) => (value === null || value === undefined ? null : int(value));
export const date: Coercer<Date> = (value) => {
  if (value instanceof Date) return value;
  const written = text(value);
  // A timestamp without a zone is UTC, as Prisma writes it; JavaScript would read it as local time.
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(written) ? written : `${written.replace(" ", "T")}Z`);
};
export const dateOrNull: Coercer<Date | null> = (value) => (value === null || value === undefined ? null : date(value));

export const tables = {
  user: defineTable<User>(Prisma.ModelName.User, Prisma.UserScalarFieldEnum, {
    id: text,
    name: text,
    nameKey: text,
    passwordHash: text,
    isAdmin: bool,
    createdAt: date,
    suspendedAt: dateOrNull,
    suspendReason: textOrNull,
    awayMessage: textOrNull,
    isBot: bool,
    ownerId: textOrNull,
  }),
  session: defineTable<Session>(Prisma.ModelName.Session, Prisma.SessionScalarFieldEnum, {
    id: text,
    userId: text,
    tokenHash: text,
    createdAt: date,
    expiresAt: date,
    revokedAt: dateOrNull,
    kind: text,
    name: textOrNull,
    scopes: textOrNull,
  }),
  channel: defineTable<Channel>(Prisma.ModelName.Channel, Prisma.ChannelScalarFieldEnum, {
    id: text,
    name: text,
    nameKey: text,
    kind: text,
    topic: text,
    inviteOnly: bool,
    previewsOff: bool,
    lastSeq: int,
    memberCount: int,
    createdAt: date,
  }),
  membership: defineTable<Membership>(Prisma.ModelName.Membership, Prisma.MembershipScalarFieldEnum, {
    channelId: text,
    userId: text,
    role: text,
    joinedAt: date,
  }),
  ban: defineTable<Ban>(Prisma.ModelName.Ban, Prisma.BanScalarFieldEnum, {
    channelId: text,
    userId: text,
    reason: text,
    bannedBy: text,
    createdAt: date,
    expiresAt: dateOrNull,
  }),
  message: defineTable<Message>(Prisma.ModelName.Message, Prisma.MessageScalarFieldEnum, {
    id: text,
    channelId: text,
    seq: int,
    authorId: textOrNull,
    authorName: textOrNull,
    authorIsBot: bool,
    kind: text,
    text,
    meta: text,
    clientId: textOrNull,
    createdAt: date,
    version: int,
    editedAt: dateOrNull,
    deletedAt: dateOrNull,
    targetSeq: intOrNull,
    replyToSeq: intOrNull,
  }),
  reaction: defineTable<Reaction>(Prisma.ModelName.Reaction, Prisma.ReactionScalarFieldEnum, {
    channelId: text,
    targetSeq: int,
    userId: text,
    emoji: text,
    seq: int,
    createdAt: date,
  }),
  readMarker: defineTable<ReadMarker>(Prisma.ModelName.ReadMarker, Prisma.ReadMarkerScalarFieldEnum, {
    userId: text,
    channelId: text,
    seq: int,
    updatedAt: date,
    closedSeq: intOrNull,
  }),
  ignore: defineTable<Ignore>(Prisma.ModelName.Ignore, Prisma.IgnoreScalarFieldEnum, {
    userId: text,
    ignoredId: text,
    createdAt: date,
  }),
  userSettings: defineTable<UserSettings>(Prisma.ModelName.UserSettings, Prisma.UserSettingsScalarFieldEnum, {
    userId: text,
    data: text,
    updatedAt: date,
  }),
} as const;

/** A column's name quoted for SQL, checked against the row type: a renamed column fails to compile. */
export const column = <Row>(_table: Table<Row>, name: keyof Row & string): string => `"${name}"`;
