import { isChannelName, limits, parseSearchQuery, type ClientEventResult } from "@canaduck/contract";
import { userCommand, type UserContext } from "../command";
import { refuse } from "../domain-error";
import type { ChannelRecord, MessageRecord } from "../records";
import { currentState } from "../support/log-page";
import { directChannelName, nameKey } from "../support/names";

type Hit = ClientEventResult<"search:query">["hits"][number];

/**
 * search:query — lines the user may read today whose text holds the words: only conversations
 * they are in (a channel they left or were kicked from, an invite-only channel they are not in,
 * someone else's direct conversation: never, admins included). Reads outside any transaction.
 */
export const search = userCommand<"search:query">({
  access: "user",
  rate: { spends: ["search"], counts: "calls" },
  transaction: "none",
  audit: "none",
  async run(ctx) {
    const reading = parseSearchQuery(ctx.payload.query);
    if (!reading.ok) return refuse("INVALID_QUERY", reading.message);
    const { query } = reading;
    const mine = await conversationsOf(ctx);
    const searched = query.in === undefined ? [...mine.values()] : [await conversationNamed(ctx, mine, query.in)];
    const authorId = query.from === undefined ? undefined : await authorNamed(ctx, query.from);
    const terms = query.words;
    if (authorId === null || searched.length === 0) return { hits: [], terms, next: null };
    const found = await ctx.tx.messages.search({
      channelIds: searched.map((c) => c.id),
      words: query.words,
      phrases: query.phrases,
      ...(authorId === undefined ? {} : { authorId }),
      ...(query.since ? { since: query.since } : {}),
      ...(query.until ? { until: query.until } : {}),
      hasLink: query.hasLink,
      limit: ctx.payload.limit ?? limits.searchPageDefault,
      ...(ctx.payload.before === undefined ? {} : { before: ctx.payload.before }),
    });
    return { hits: await hitsOf(ctx, mine, found.records), terms, next: found.next };
  },
});

async function conversationsOf(ctx: UserContext<"search:query">): Promise<Map<string, ChannelRecord>> {
  const memberships = await ctx.tx.memberships.listChannelsOf(ctx.user.id);
  return new Map(memberships.map(({ channel }) => [channel.id, channel]));
}

/** `in:` names a channel the user is in, or the nick of someone they have a direct conversation with. */
async function conversationNamed(
  ctx: UserContext<"search:query">,
  mine: Map<string, ChannelRecord>,
  name: string,
): Promise<ChannelRecord> {
  let key = nameKey(name);
  if (!isChannelName(name)) {
    const peer = await ctx.tx.users.findByNameKey(key);
    key = peer === null ? "" : nameKey(directChannelName(ctx.user.id, peer.id));
  }
  const found = [...mine.values()].find((c) => c.nameKey === key);
  return (
    found ?? refuse("NOT_A_MEMBER", `You can search only conversations you are in, and ${name} is not one of them.`)
  );
}

/** What a result calls its conversation: the channel's name, or the other person's nick. */
async function targetOf(ctx: UserContext<"search:query">, channel: ChannelRecord): Promise<string> {
  if (channel.kind === "channel") return channel.name;
  const peer = (await ctx.tx.memberships.listMembers(channel.id)).find((m) => m.user.id !== ctx.user.id);
  // A conversation with oneself has no other member.
  return peer?.user.name ?? ctx.user.name;
}

/** The account `from:` names; null when there is none (nothing it could have said). */
async function authorNamed(ctx: UserContext<"search:query">, nick: string): Promise<string | null> {
  const user = await ctx.tx.users.findByNameKey(nameKey(nick));
  return user?.id ?? null;
}

/** The records in their current state, in the order found, each with its conversation. */
async function hitsOf(
  ctx: UserContext<"search:query">,
  mine: Map<string, ChannelRecord>,
  records: readonly MessageRecord[],
): Promise<Hit[]> {
  const targets = new Map<string, string>();
  for (const channelId of new Set(records.map((r) => r.channelId))) {
    const channel = mine.get(channelId);
    if (channel !== undefined) targets.set(channelId, await targetOf(ctx, channel));
  }
  const current = await currentState(ctx.tx, records, ctx.user.id);
  return records.flatMap((record, i) => {
    const message = current[i];
    const target = targets.get(record.channelId);
    return message && target !== undefined ? [{ target, message }] : [];
  });
}
