import type { ChannelRecord } from "@canaduck/domain";
import { addAccount, bulkInsert, type BulkRows } from "../load/bulk-insert";
import { writeLines, type LineRow } from "../load/line-writer";
import { channelRow, withStore } from "../load/seed";

/** How the flat-with-data case's database is filled (see bench/flat.ts for the defaults). */
export interface FlatShape {
  /** Lines of the long channel (#big) and of the short one it is compared with (#small). */
  bigLines: number;
  smallLines: number;
  /** Members of the crowded channel (#crowd) and of the small one it is compared with (#few). */
  crowd: number;
  few: number;
  /** Conversations the probe user is in, #big, #small, #crowd and #few among them. */
  probeChannels: number;
  /** Members kicked from each of #crowd and #few, one per round (they are in both at the start). */
  kicks: number;
}

export interface FlatSeed {
  /** The owner of every channel, who reads, kicks and asks session:state. */
  probe: string;
  /** Not in any channel: joins and parts #crowd and #few. */
  walker: string;
  /** Members of #crowd and #few, kicked one per round. */
  victims: string[];
  lastSeq: { big: number; small: number };
}

/** Lines each of the probe's other channels holds; the probe's marker leaves the newest 5 unread. */
const LINES_EACH = 100;
const UNREAD_EACH = 5;

function* linesOf(channelId: string, count: number, authorId: string, start: number): Generator<LineRow> {
  for (let seq = 1; seq <= count; seq++)
    yield {
      channelId,
      seq,
      authorId,
      text: `line ${seq} of a long history, about as long as a line people type`,
      createdAt: new Date(start + seq * 1000),
    };
}

/**
 * A database where one channel has a million lines and another a thousand, one channel has ten
 * thousand members and another ten, and one user is in many channels with a few lines unread in
 * each: written straight into the database (accounts in bulk, lines through the same triggers as
 * the server's writes), so the case measures reads, not the seeding.
 */
export async function seedFlat(databaseUrl: string, shape: FlatShape): Promise<FlatSeed> {
  const now = new Date();
  const named = ["#big", "#small", "#crowd", "#few"].map((name) => channelRow(name, now));
  const others = Array.from({ length: Math.max(0, shape.probeChannels - named.length) }, (_, i) =>
    channelRow(`#room${i}`, now),
  );
  const [big, small, crowd, few] = named as [ChannelRecord, ChannelRecord, ChannelRecord, ChannelRecord];

  const rows: BulkRows = { users: [], sessions: [], memberships: [] };
  const tokens = new Map<string, string>();
  const addUser = (name: string, memberOf: ChannelRecord[], role: "owner" | "member" = "member"): string => {
    const { id, token } = addAccount(rows, name, memberOf, now, role);
    tokens.set(name, token);
    return id;
  };
  const probeId = addUser("probe", [...named, ...others], "owner");
  // The lines are the walker's: what others said is what counts as unread.
  const walkerId = addUser("walker", []);
  const victims = Array.from({ length: shape.kicks }, (_, i) => `victim${i}`);
  for (const name of victims) addUser(name, [crowd, few]);
  for (let i = 0; i < shape.crowd - shape.kicks; i++) addUser(`crowd${i}`, [crowd]);
  for (let i = 0; i < shape.few - shape.kicks; i++) addUser(`few${i}`, [few]);

  await withStore(databaseUrl, async (tx) => {
    for (const channel of [...named, ...others]) await tx.channels.insert(channel);
  });
  await bulkInsert(databaseUrl, rows);
  const start = now.getTime() - shape.bigLines * 1000;
  const counts = new Map<ChannelRecord, number>([
    [big, shape.bigLines],
    [small, shape.smallLines],
    [crowd, LINES_EACH],
    [few, LINES_EACH],
    ...others.map((c) => [c, LINES_EACH] as const),
  ]);
  await writeLines(
    databaseUrl,
    (function* () {
      for (const [channel, count] of counts) yield* linesOf(channel.id, count, walkerId, start);
    })(),
  );
  await withStore(databaseUrl, async (tx) => {
    for (const [channel, count] of counts)
      await tx.readMarkers.upsert({
        userId: probeId,
        channelId: channel.id,
        seq: Math.max(0, count - UNREAD_EACH),
        updatedAt: now,
      });
  });
  const token = (name: string) => tokens.get(name) ?? "";
  return {
    probe: token("probe"),
    walker: token("walker"),
    victims,
    lastSeq: { big: shape.bigLines, small: shape.smallLines },
  };
}
