import { userCommand, type UserContext } from "../command";
import { refuse } from "../domain-error";
import type { ChannelRecord } from "../records";
import { appendMessage } from "../support/append-message";
import { activeBan } from "../support/lookup";
import { nameKey } from "../support/names";
import { markAllRead } from "../support/read-state";
import { channelView, publicChannelView } from "../support/views";
import { announceMember } from "../support/member-change";

/** channel:join — creates a missing channel with the joiner as owner; honours bans and invite-only. */
export const join = userCommand<"channel:join">({
  access: "user",
  rate: { spends: ["join"], counts: "calls" },
  transaction: "required",
  audit: { action: "channel-create", when: "changed" },
  async run(ctx) {
    const { tx, user } = ctx;
    const key = nameKey(ctx.payload.channel);
    let channel = await tx.channels.findByNameKey(key);
    let role: "owner" | "operator" | "member" = "member";
    if (channel === null) {
      await requireRoomForAnotherChannel(ctx);
      channel = await createChannel(ctx, ctx.payload.channel, key);
      role = "owner";
    } else {
      if (channel.kind !== "channel") refuse("NO_SUCH_CHANNEL", `There is no channel ${ctx.payload.channel}.`);
      const existing = await tx.memberships.find(channel.id, user.id);
      if (existing) {
        return { channel: await channelView(tx, channel, user.id) };
      }
      if (await activeBan(ctx, channel.id, user.id)) refuse("BANNED", `You are banned from ${channel.name}.`);
      await requireRoomForAnotherChannel(ctx);
      if (channel.inviteOnly && !user.isAdmin) {
        const invite = await tx.invites.find(channel.id, user.id);
        if (invite === null) refuse("INVITE_ONLY", `${channel.name} is invite-only; ask an operator for an invite.`);
        await tx.invites.remove(channel.id, user.id);
      }
      // Someone has to be able to moderate a channel everyone left.
      if ((await tx.memberships.count(channel.id)) === 0) role = "operator";
    }
    const membership = { channelId: channel.id, userId: user.id, role, joinedAt: ctx.now };
    await tx.memberships.insert(membership);
    // What was said before joining is history, not unread.
    await markAllRead(ctx, channel, user.id);
    const view = await channelView(tx, channel, user.id);
    ctx.out.push({ type: "subscribe", user: user.id, channel: channel.id });
    ctx.out.emit({ user: user.id }, "channel:joined", { channel: view });
    await appendMessage(ctx, channel, { kind: "join", author: user });
    await announceMember(ctx, channel, user, membership);
    ctx.out.emit({ channel: channel.id }, "channel:updated", { channel: await publicChannelView(tx, channel) });
    return { channel: { ...view, lastSeq: channel.lastSeq } };
  },
});

async function createChannel(ctx: UserContext<"channel:join">, name: string, key: string): Promise<ChannelRecord> {
  const channel: ChannelRecord = {
    id: ctx.deps.ids.newId(),
    name,
    nameKey: key,
    kind: "channel",
    topic: "",
    inviteOnly: false,
    previewsOff: false,
    lastSeq: 0,
    createdAt: ctx.now,
  };
  await ctx.tx.channels.insert(channel);
  await ctx.audit({ actor: ctx.user, channel });
  return channel;
}

/** Holds each user to the configured number of channels, so one account cannot fill the server. */
async function requireRoomForAnotherChannel(ctx: UserContext<"channel:join">): Promise<void> {
  const max = ctx.deps.config.maxChannelsPerUser;
  if (max === undefined) return;
  const joined = await ctx.tx.memberships.listChannelsOf(ctx.user.id);
  const channels = joined.filter(({ channel }) => channel.kind === "channel").length;
  if (channels >= max)
    refuse("TOO_MANY_CHANNELS", `You are in ${channels} channels, the most allowed; /part one first.`);
}
