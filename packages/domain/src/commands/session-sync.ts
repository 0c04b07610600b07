import { limits, type ConversationChanges, type Message } from "@canaduck/contract";
import { userCommand } from "../command";
import { shownConversations } from "../support/closed-directs";
import type { SeqRange } from "../ports";
import { pageBefore } from "../support/history";
import { currentState } from "../support/log-page";
import { ignoredUsers } from "../support/ignores";
import { settingsOf } from "../support/settings";
import { channelViewsOf, toUserView } from "../support/views";

/**
 * session:sync — a reconnect in one round trip: session:state, and for each conversation the
 * user is in, what changed after the seq the client holds. Further behind than
 * limits.syncEntriesMax (or not named), the client gets the newest page and starts afresh.
 * The changes of every conversation close enough are read at once (one read of their ranges,
 * two for their current state), whatever their number.
 */
export const sessionSync = userCommand<"session:sync">({
  access: "user",
  // A reconnect reads every conversation, as costly as a join: it spends the join budget, which
  // a client reconnecting as it should (once per connection) never comes near.
  rate: { spends: ["join"], counts: "calls" },
  transaction: "snapshot",
  audit: "none",
  async run(ctx) {
    const held = new Map(ctx.payload.conversations.map((c) => [c.channelId, c.after]));
    // A direct conversation the user closed is left out, as one they left would be.
    const joined = await shownConversations(ctx, ctx.user.id, await ctx.tx.memberships.listChannelsOf(ctx.user.id));
    const channels = await channelViewsOf(ctx.tx, ctx.user, joined);
    // Read in this snapshot, so each conversation's entries end at the lastSeq read with it;
    // anything later reaches the connection live (its rooms were joined before this ran).
    const behind: SeqRange[] = [];
    for (const { channel } of joined) {
      const after = held.get(channel.id);
      if (after !== undefined && after < channel.lastSeq && after >= channel.lastSeq - limits.syncEntriesMax)
        behind.push({ channelId: channel.id, after, upTo: channel.lastSeq });
    }
    const missed = (await ctx.tx.messages.listInRanges(behind)).sort((a, b) => a.seq - b.seq);
    const byChannel = new Map<string, Message[]>();
    for (const message of await currentState(ctx.tx, missed, ctx.user.id)) {
      const list = byChannel.get(message.channelId);
      if (list) list.push(message);
      else byChannel.set(message.channelId, [message]);
    }
    const changes: ConversationChanges[] = [];
    for (const { channel } of joined) {
      const after = held.get(channel.id);
      if (after !== undefined && after >= channel.lastSeq - limits.syncEntriesMax) {
        // Nothing happened there is the usual case for most conversations of a reconnect.
        changes.push({
          channelId: channel.id,
          reset: false,
          messages: byChannel.get(channel.id) ?? [],
          hasMore: false,
        });
      } else {
        const read = { tx: ctx.tx, channelId: channel.id, viewerId: ctx.user.id, limit: limits.historyPageDefault };
        const { messages, hasMore } = await pageBefore(read, undefined);
        changes.push({ channelId: channel.id, reset: true, messages, hasMore });
      }
    }
    return {
      user: toUserView(ctx.user),
      channels,
      changes,
      ignored: await ignoredUsers(ctx.tx, ctx.user.id),
      settings: await settingsOf(ctx.tx, ctx.user.id),
    };
  },
});
