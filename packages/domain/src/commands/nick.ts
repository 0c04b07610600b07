import { userCommand } from "../command";
import { refuse } from "../domain-error";
import { appendMessage } from "../support/append-message";
import { nameKey } from "../support/names";
import { toUserView } from "../support/views";

/**
 * user:nick — renames the account; a change of case alone is allowed. Each channel the user is
 * in gets a nick line (not direct conversations, whose header shows the peer's name anyway).
 */
export const nick = userCommand<"user:nick">({
  access: "user",
  // It writes a line in every channel the user is in: metered as a send.
  rate: { spends: ["send"], counts: "calls" },
  transaction: "required",
  audit: "none",
  async run(ctx) {
    const wanted = ctx.payload.nick;
    const key = nameKey(wanted);
    const holder = await ctx.tx.users.findByNameKey(key);
    if (holder && holder.id !== ctx.user.id) refuse("NICK_IN_USE", `The name ${wanted} is taken.`);
    const previousName = ctx.user.name;
    await ctx.tx.users.rename(ctx.user.id, wanted, key);
    const user = toUserView({ ...ctx.user, name: wanted, nameKey: key });
    const joined = (await ctx.tx.memberships.listChannelsOf(ctx.user.id)).map(({ channel }) => channel);
    const channels = joined.map((channel) => channel.id);
    ctx.out.emit({ channels, users: [ctx.user.id] }, "user:updated", { user, previousName });
    if (wanted !== previousName) {
      const renamed = { ...ctx.user, name: wanted, nameKey: key };
      for (const channel of joined) {
        if (channel.kind !== "channel") continue;
        await appendMessage(ctx, channel, { kind: "nick", author: renamed, meta: { previousName } });
      }
    }
    return { user };
  },
});
