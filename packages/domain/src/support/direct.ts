import type { Runtime } from "../command";
import { refuse } from "../domain-error";
import { requireUserByNick } from "./lookup";
import type { ChannelRecord, UserRecord } from "../records";
import { directChannelName, nameKey } from "./names";
import { markAllRead } from "./read-state";
import { channelView } from "./views";

/** The direct conversation between two users, if they have one. */
export async function findDirect(ctx: Runtime, a: UserRecord, b: UserRecord): Promise<ChannelRecord | null> {
  return ctx.tx.channels.findByNameKey(nameKey(directChannelName(a.id, b.id)));
}

/** The actor's direct conversation with a nick; NO_SUCH_USER or NO_SUCH_CHANNEL when there is none. */
export async function requireOwnDirect(ctx: Runtime & { user: UserRecord }, nick: string): Promise<ChannelRecord> {
  const peer = await requireUserByNick(ctx, nick);
  const channel = await findDirect(ctx, ctx.user, peer);
  return channel ?? refuse("NO_SUCH_CHANNEL", `You have no direct conversation with ${peer.name}.`);
}

/** The direct conversation between two users, started (and announced to both) if new. */
export async function openDirect(ctx: Runtime, from: UserRecord, to: UserRecord): Promise<ChannelRecord> {
  const existing = await findDirect(ctx, from, to);
  if (existing) return existing;
  const name = directChannelName(from.id, to.id);
  const channel: ChannelRecord = {
    id: ctx.deps.ids.newId(),
    name,
    nameKey: nameKey(name),
    kind: "direct",
    topic: "",
    inviteOnly: true,
    previewsOff: false,
    lastSeq: 0,
    createdAt: ctx.now,
  };
  await ctx.tx.channels.insert(channel);
  const people = from.id === to.id ? [from] : [from, to];
  for (const person of people) {
    await ctx.tx.memberships.insert({ channelId: channel.id, userId: person.id, role: "member", joinedAt: ctx.now });
    await markAllRead(ctx, channel, person.id);
  }
  for (const person of people) {
    ctx.out.push({ type: "subscribe", user: person.id, channel: channel.id });
    ctx.out.emit({ user: person.id }, "channel:joined", { channel: await channelView(ctx.tx, channel, person.id) });
  }
  return channel;
}
